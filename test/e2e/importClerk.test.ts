/**
 * Issue 8 end to end: a township's own files through the 导入 Excel page — villages, then a
 * clinic list without 机构编码 whose served villages stand under 覆盖行政村, then an asset
 * ledger without numbers. The preview says what it will do, the commit does it, the clinic
 * list shows 未填机构编码, and importing the same ledger again shows every row as 已存在.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeClerkTownship } from '../excel/clerkTownship';
import { gridRows, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

async function importFile(page: Page, kindLabel: string, file: string): Promise<void> {
  await page.getByTestId('import-kind').getByText(kindLabel, { exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('import-count-create').waitFor();
}

async function count(page: Page, what: 'create' | 'update' | 'unchanged' | 'errors'): Promise<number> {
  return Number((await page.getByTestId(`import-count-${what}`).locator('.ant-statistic-content-value').textContent()) ?? NaN);
}

describe("导入 Excel: a township's own files", () => {
  it('villages, clinics without codes (覆盖行政村) and a ledger without numbers import as they are; the ledger again is 已存在', async () => {
    const app = await e2e.open({ center: true });
    const files = await writeClerkTownship(app.dir);
    const { page } = app;
    await openMenu(page, '导入 Excel');

    await importFile(page, '行政村', files.villages);
    expect(await count(page, 'create')).toBe(6);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    await importFile(page, '村卫生室', files.clinics);
    expect([await count(page, 'create'), await count(page, 'errors')]).toEqual([4, 0]);
    // 覆盖行政村 is read as the villages served, not listed as an unknown column.
    await expect.poll(() => page.getByText('覆盖行政村').first().isVisible()).toBe(true);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(app.counts().clinics).toBe(4);

    await openMenu(page, '村卫生室');
    const dg = gridRows(page).filter({ hasText: '东沟村卫生室' });
    await expect.poll(() => dg.textContent()).toContain('未填机构编码');
    expect(await dg.textContent()).toContain('东沟村、西沟村');

    await openMenu(page, '导入 Excel');
    await importFile(page, '固定资产台账', files.assets);
    expect([await count(page, 'create'), await count(page, 'errors')]).toEqual([7, 0]);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    await importFile(page, '固定资产台账', files.assets);
    expect([await count(page, 'create'), await count(page, 'update'), await count(page, 'unchanged')]).toEqual([0, 0, 7]);
  });
});
