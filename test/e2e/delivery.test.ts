/**
 * Issue 10, parts 4 and 5 end to end in Chromium: a receipt entered on 采购入库 (the drug found by
 * typing, its price filled from the platform, 检查 then 保存), the month's approved requisitions
 * previewed and delivered FEFO on 配送, and the month's 配送单 printed to PDF — the clinic, the
 * batch and the signature labels checked with pdftotext; page 1 kept as PNG for a human look
 * (/tmp/e2e-delivery). Screens at 1366×768 are kept there too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { catalogDrug, requisition } from '../helpers/delivery';
import { addClinic } from '../helpers/people';
import { typeDateInto } from './assetUi';
import { button, expectCount, fillNumber, openMenu, settle, dialog } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-delivery';

describe('receipt → delivery → 配送单', () => {
  it('receives a batch, delivers the month FEFO with a shortage, and prints the notes', { timeout: 180_000 }, async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const east = await addClinic(app.session, '东庄', 1200, 'C001');
    const west = await addClinic(app.session, '西庄', 900, 'C002');
    const amox = catalogDrug(app.session.db, 'HD0001', '阿莫西林胶囊', 980, '0.25g*24粒', '珠海联邦制药');
    const met = catalogDrug(app.session.db, 'HD0002', '二甲双胍片', 406, '0.5g*48片', '石药欧意');
    const month = todayIso().slice(0, 7);
    requisition(app.session.db, east, month, [
      [amox, 12],
      [met, 3],
    ]);
    requisition(app.session.db, west, month, [[amox, 5]]);

    await openMenu(page, '采购入库');
    await button(page, '新增入库单').click();
    const form = await settle(dialog(page, '新增入库单'));
    await form.locator('#receipt-supplier').fill('国药控股河东有限公司');
    await form.locator('#receipt-invoice').fill('FP20261201');
    const drug = form.locator('#line-0-drug');
    await drug.click();
    await drug.pressSequentially('阿莫西林');
    await page.locator('.ant-select-item-option', { hasText: 'HD0001' }).click();
    await form.locator('#line-0-lot').fill('A2412');
    await typeDateInto(form.locator('#line-0-expires'), '2028-06-30');
    await fillNumber(form.locator('#line-0-packs'), 20);
    expect(await form.locator('#line-0-price').inputValue()).toBe('9.80');
    await button(form, '检查').click();
    await form.getByText('可以入库').waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'receipt-form.png') });
    await form.getByTestId('receipt-save').click();
    await page.getByText('已入库').first().waitFor();
    await expectCount(page, 1);
    await page.screenshot({ path: path.join(LOOK_DIR, 'receipts.png') });

    await openMenu(page, '配送');
    await button(page, '预览配送').click();
    const plan = page.getByTestId('delivery-plan');
    await plan.getByText('A2412（至 2028年6月30日）× 12').waitFor();
    await plan.getByText('A2412（至 2028年6月30日）× 5').waitFor();
    await plan.getByText('缺 3：中心库无此药').waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'delivery-plan.png') });
    await button(page, '确认配送').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认配送' }).click();

    // After the run the month's notes open for printing.
    await page.locator('.print-root[data-ready="true"]').waitFor();
    expect(await page.locator('.print-sheet').count()).toBe(2);
    await page.screenshot({ path: path.join(LOOK_DIR, 'notes-screen.png') });
    const pdf = path.join(app.dir, 'notes.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('药品配送单');
    expect(text).toContain('东庄村卫生室');
    expect(text).toContain('A2412');
    expect(text).toContain('2028年6月30日'); // the expiry in Chinese, as on every paper
    expect(text).toContain('117.60');
    expect(text).toContain('配送人（签字）');
    expect(text).toContain('接收人（签字）');
    expect(text).toMatch(/PS\d{6}-\d{4}/);
    expect(text).toContain('二甲双胍片');
    // One clinic a page: the month's notes print as one batch with a page break between clinics.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+2$/m);
    expect(text.indexOf('西庄村卫生室')).toBeGreaterThan(text.indexOf('东庄村卫生室'));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'note')]);

    await button(page, '返回').click();
    await page.getByText('配送记录').click();
    await expectCount(page, 2);
    await page.screenshot({ path: path.join(LOOK_DIR, 'deliveries.png') });
    const db = app.session.db;
    expect(db.prepare("SELECT count(*) FROM stock_movements WHERE kind = 'delivery'").pluck().get()).toBe(4);
    expect(db.prepare('SELECT packs, reason FROM drug_shortages').raw().all()).toEqual([[3, '中心库无此药']]);
  });
});
