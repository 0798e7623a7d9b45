/**
 * Issue 10 part 6 in Chromium: receipt → delivery (arranged through the stock core) → the
 * clinic's use entered on 登记使用 (a sale price above the purchase price refused first, D2) →
 * the clinic's 进销存 read back from the exported workbook, closing exactly; and 过期销毁 of an
 * expired batch with two witnesses, its 过期药品销毁记录 printed to PDF and read back.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { makeContext } from '../../electron/db/context';
import { addClinic } from '../helpers/people';
import { addBatch, addDrug, deliver, receive } from '../helpers/stock';
import type { TestApp } from './harness';
import { download } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

/** 'YYYY-MM' `n` months before today's month. */
function monthsBack(n: number): string {
  const [y, m] = todayIso().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

function daysFromToday(n: number): string {
  return new Date(Date.parse(`${todayIso()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function arrange(app: TestApp) {
  const s = app.session;
  const ctx = makeContext(s.db, '测试');
  const clinic = await addClinic(s, '张庄', 1200, 'C01');
  const amox = addDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const a1 = addBatch(s.db, amox, 'A1', daysFromToday(700), 1250, `${monthsBack(2)}-10`);
  receive(ctx, a1, 20, `${monthsBack(2)}-10`);
  deliver(ctx, a1, clinic, 10, `${monthsBack(1)}-03`);
  const old = addDrug(s.db, 'P009', '罗红霉素胶囊', 880, '0.15g*12粒');
  const o1 = addBatch(s.db, old, 'OLD-7', daysFromToday(-10), 880, daysFromToday(-200));
  receive(ctx, o1, 5, daysFromToday(-200));
  return { clinic };
}

describe('药品库存 in Chromium', () => {
  it('receipt → delivery → use: the clinic’s 进销存 read back from the exported workbook', { timeout: 90_000 }, async () => {
    const app = await e2e.open({ center: true });
    await arrange(app);
    const { page } = app;
    await page.getByRole('menuitem', { name: '药品库存' }).click();
    await page.getByTestId('stock-table').getByText('张庄村卫生室').waitFor();

    await page.getByTestId('use-entry-open').click();
    await page.getByTestId('use-table').waitFor();
    await page.getByTestId('use-packs-P001').fill('4');
    await page.getByLabel('阿莫西林胶囊 销售价').fill('13.00');
    await page.getByTestId('use-save').click();
    await expect.poll(() => page.getByTestId('use-error').textContent()).toContain('不符（零加成，D2）');
    await page.getByLabel('阿莫西林胶囊 销售价').fill('12.50');
    await page.getByTestId('use-save').click();
    await page.getByText('已登记使用 1 种药品，共 4 个包装，金额 50.00 元').waitFor();

    await page.getByText('进销存', { exact: true }).click();
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByText('张庄村卫生室').click();
    await ledger.getByText('阿莫西林胶囊 0.25g*24粒').waitFor();
    const { file } = await download(page, app.dir, () => page.getByTestId('ledger-export').click());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(String(ws.getCell('A1').value)).toBe('村卫生室药品进销存月报（张庄村卫生室）');
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'P001') found = n;
    });
    expect(found).toBeGreaterThan(0);
    const v = (c: number) => Number(ws.getRow(found).getCell(c).value);
    // 期初 0; 入库 10 盒 125.00 元; 出库 4 盒 50.00 元; 期末 6 盒 75.00 元.
    expect([5, 6, 7, 8, 9, 10, 11, 12].map(v)).toEqual([0, 0, 10, 125, 4, 50, 6, 75]);
    expect(v(11)).toBe(v(5) + v(7) - v(9));
  });

  it('disposes of an expired batch with two witnesses and prints the record to PDF', { timeout: 90_000 }, async () => {
    const app = await e2e.open({ center: true });
    await arrange(app);
    const { page } = app;
    await page.getByRole('menuitem', { name: '药品库存' }).click();
    await page.getByTestId('dispose-open').click();
    const table = page.getByTestId('dispose-table');
    await table.getByText('OLD-7').waitFor();
    await table.getByRole('checkbox').last().check();
    await page.getByTestId('witness1').fill('王会计');
    await page.getByTestId('witness2').fill('王会计');
    await page.getByTestId('dispose-save').click();
    await expect.poll(() => page.getByTestId('dispose-error').textContent()).toContain('两名监销人不能是同一人');
    await page.getByTestId('witness2').fill('李药师');
    await page.getByTestId('dispose-save').click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    await page.getByTestId('disposal-print').waitFor();
    const pdf = path.join(app.dir, 'disposal.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('过期药品销毁记录');
    expect(text).toContain('OLD-7');
    expect(text).toMatch(/罗红霉素胶囊/);
    expect(text).toMatch(/44\.00/);
    expect(text).toMatch(/监销人 王会计/);
    expect(text).toMatch(/监销人 李药师/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, '/tmp/h3/shots/disposal']);
    const left = app.session.db
      .prepare(
        "SELECT sum(packs) FROM stock_movements WHERE clinic_id IS NULL AND batch_id = (SELECT id FROM drug_batches WHERE lot_no = 'OLD-7')",
      )
      .pluck()
      .get();
    expect(left).toBe(0);
  });
});
