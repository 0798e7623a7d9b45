/**
 * Issue 10, part 1 end to end: the platform's catalog export through the 导入 Excel page, an
 * edition of the essential list loaded, the catalog under 药品 with the status in force on a
 * date (基药 / 待核定 / 非基药), the date moved before the edition (the platform's mark then),
 * and 导出本视图到 Excel read back.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { essentialList, platformA } from '../excel/drugFixtures';
import { typeDateInto } from './assetUi';
import { button, download, gridRows, openMenu, readSheet } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('药品目录', () => {
  it('imports the platform export on the import page, shows the essential status by date, exports the view', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const file = await platformA(path.join(app.dir, '平台目录.xlsx'));
    await openMenu(page, '导入 Excel');
    await page.getByTestId('import-kind').getByText('药品目录（省平台导出）', { exact: true }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-count-create').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    const list = await essentialList(path.join(app.dir, '基药.xlsx'), '国家基本药物目录（2018年版）', [
      ['阿莫西林', '口服常释剂型', '0.25g'],
      ['头孢克洛', '口服常释剂型', '0.25g'],
    ]);
    // The edition on the same page, its effective date asked.
    await page.getByTestId('import-kind').getByText('基本药物目录', { exact: true }).click();
    await typeDateInto(page.locator('#edition-effective'), '2018-11-01');
    // The edition's file input comes before the (hidden) one of the row-by-row kinds.
    await page.locator('input[type=file]').first().setInputFiles(list);
    const preview = page.getByTestId('edition-preview');
    await expect.poll(() => preview.textContent()).toContain('国家基本药物目录（2018年版）（2018年11月1日 起执行）：2 条');
    expect(await preview.textContent()).toContain('盐酸二甲双胍片');
    await preview.getByRole('button', { name: '载入此目录' }).click();
    await page.getByText('已载入：国家基本药物目录（2018年版）').waitFor();

    await openMenu(page, '药品目录');
    const row = (name: string) => gridRows(page).filter({ hasText: name });
    await expect.poll(() => row('阿莫西林胶囊').textContent()).toContain('基药');
    expect(await row('阿莫西林胶囊').textContent()).toContain('9.80');
    expect(await row('头孢克肟胶囊').textContent()).toContain('非基药');
    expect(await row('盐酸二甲双胍片').textContent()).toContain('待核定');
    expect(await row('头孢克洛胶囊').textContent()).toContain('第三批');

    const { file: out, name } = await download(page, app.dir, () => button(page, '导出本视图到 Excel').click());
    expect(name).toContain('药品目录');
    const { rows } = await readSheet(out);
    const h = rows.findIndex((r) => r.includes('基药（按日期）'));
    expect(h).toBeGreaterThan(0);
    const col = rows[h]!.indexOf('基药（按日期）');
    const amox = rows.find((r) => r.includes('阿莫西林胶囊'));
    expect(amox?.[col]).toBe('基药');
    expect(rows.find((r) => r.includes('头孢克肟胶囊'))?.[col]).toBe('非基药');
    expect(app.pageErrors).toEqual([]);
  });
});
