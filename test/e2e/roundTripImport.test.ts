/**
 * Issue 12 item 3 end to end: the 乡村医生花名册 the app writes (上报报表 → 导出 Excel) is
 * imported on the 导入 Excel page of the same township, and the preview has nothing to create,
 * change or refuse — its own “无有效资格” is read as blank and the rows under 合计 are not people.
 */
import { describe, expect, it } from 'vitest';
import { button, download, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('导入 Excel: the app takes back its own return', () => {
  it('乡村医生花名册 exported, then imported: every row 已存在，无变化', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '上报报表');
    const item = page.getByRole('listitem').filter({ hasText: '乡村医生花名册' });
    await item.waitFor();
    const { file } = await download(page, app.dir, () => button(item, '导出 Excel').click());

    await openMenu(page, '导入 Excel');
    await page.getByTestId('import-kind').getByText('人员花名册', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-count-create').waitFor();
    const count = async (what: string) =>
      Number((await page.getByTestId(`import-count-${what}`).locator('.ant-statistic-content-value').textContent()) ?? NaN);
    expect([await count('create'), await count('update'), await count('errors')]).toEqual([0, 0, 0]);
    expect(await count('unchanged')).toBeGreaterThan(20);
  });
});
