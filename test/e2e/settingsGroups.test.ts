/**
 * Issue 12 "Also": every settings group says in one line which pages it affects, and the drug
 * and supervision settings stand in groups of their own.
 */
import { describe, expect, it } from 'vitest';
import { openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('设置: each group names the pages it affects', () => {
  it('shows a help line per group, 药品 and 督导考核 among them', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '设置');
    for (const [group, page_] of [
      ['单位信息', '报表'],
      ['村卫生室与人员', '人员档案'],
      ['药品', '药品请领'],
      ['督导考核', '月度督导'],
    ] as const) {
      const help = page.getByTestId(`settings-group-help-${group}`);
      await help.waitFor();
      expect(await help.textContent()).toContain(page_);
    }
    const drugCard = page.locator('.ant-card').filter({ has: page.getByTestId('settings-group-help-药品') });
    expect(await drugCard.textContent()).toContain('非基本药物金额占比上限');
  });
});
