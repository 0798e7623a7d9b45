/**
 * Issue 12 item 9 end to end: in the 行政村 list, typed pinyin finds names (zzc: initials,
 * zhangzhuang: full pinyin) and sorting by 村名 is by pinyin, not by code point.
 */
import { describe, expect, it } from 'vitest';
import { columnTexts, expectCount, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('行政村: pinyin search and order', () => {
  it('finds 张庄村 by zzc and zhangzhuang, and sorts 村名 陈 褚 冯 韩 河 …', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '行政村');
    await expectCount(page, 18);
    const search = page.getByRole('textbox', { name: '搜索' });
    await search.fill('zhangzhuang');
    await expectCount(page, 1);
    expect(await columnTexts(page, '村名')).toEqual(['张庄村']);
    // Initials are shared: 张庄村 and 周寨村 are both zzc.
    await search.fill('zzc');
    await expectCount(page, 2);
    expect((await columnTexts(page, '村名')).sort()).toEqual(['周寨村', '张庄村'].sort());
    await search.fill('');
    await expectCount(page, 18);

    const nameHeader = page.getByRole('columnheader', { name: /^村名/ });
    await nameHeader.getByRole('button', { name: /村名/ }).click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect
      .poll(async () => (await columnTexts(page, '村名')).slice(0, 5))
      .toEqual(['陈家村', '褚河村', '冯庄村', '韩坪村', '河阳村']);
    const names = await columnTexts(page, '村名');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    // Not code-point order (冯 U+51AF comes before 陈 U+9648 there).
    expect(names).not.toEqual([...names].sort());
  });
});
