/**
 * Screenshots of the 药品库存 page on the demo township for a human check (not a test): the
 * stock list, a row's batches, 登记使用, the 进销存 tab and a clinic's drill-down, 过期销毁 and
 * the printed 过期药品销毁记录. Run `npx tsx test/e2e/stockShots.ts [dir]` after building.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp } from './harness';

const outDir = path.resolve(process.argv[2] ?? '/tmp/e2e-shots');

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  const app = await openApp(browser, { demo: true, viewport: { width: 1366, height: 768 } });
  const { page } = app;
  try {
    await page.getByRole('menuitem', { name: '药品库存' }).click();
    await page.getByTestId('stock-table').locator('tbody tr').first().waitFor();
    await shot(page, 'stock-01-list');
    await page.getByTestId('stock-table').locator('tbody tr.stock-near, tbody tr.stock-expired').first().dblclick();
    await page.getByTestId('batch-table').waitFor();
    await shot(page, 'stock-02-batches');
    await page.getByTestId('batch-table').getByRole('button', { name: '盘点调整' }).first().click();
    await page.getByTestId('move-packs').waitFor();
    await shot(page, 'stock-02b-adjust');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('use-entry-open').click();
    await page.getByTestId('use-table').waitFor();
    await page.getByTestId('use-table').locator('input').first().fill('3');
    await shot(page, 'stock-03-use-entry');
    await page.getByTestId('use-save').click();
    await page.waitForTimeout(800);
    await shot(page, 'stock-04-use-saved');
    await page.getByText('进销存', { exact: true }).click();
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'stock-05-ledger');
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('ledger-back').waitFor();
    await shot(page, 'stock-06-ledger-clinic');
    await page.getByText('库存', { exact: true }).click();
    await page.getByTestId('dispose-open').click();
    await page.getByTestId('dispose-table').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'stock-07-dispose');
    if (app.pageErrors.length > 0) console.warn(`页面错误：${app.pageErrors.join('；')}`);
  } finally {
    await app.close();
    await browser.close();
  }
}

void main();
