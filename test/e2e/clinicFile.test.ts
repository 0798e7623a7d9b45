/**
 * Issue 12 item 8, 一室一档: from the clinic list (its 档案 link) the clinic's own page opens at
 * 1366×768 on the demo township, and its figures are those the other lists give — the clinic
 * list's 服务人口 and 应配/实有村医 (S1), the alerts page's alerts about it, the asset list's
 * book value of what it holds, the stock list's value there, the quarter's P6 score. 打印档案
 * prints the file on A4 (read back with pdftotext; page 1 kept as PNG to look at).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fenToAmount, todayIso } from '../../shared/format';
import { quarterKey, quarterOf } from '../../shared/rules/quarter';
import { button, dialog, expectCount, gridRow, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-clinic-file';

describe('the clinic file (issue 12 item 8)', () => {
  it('opens from the clinic list, shows the lists’ figures, and prints as 村卫生室档案（一室一档）', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });

    // What the other lists say, asked of them directly; the clinic chosen is one with the most to show.
    const today = todayIso();
    const clinics = (await app.call('clinics.list', { limit: 1000 })).rows.filter((c) => c.status === 'open');
    const assets = (await app.call('assets.list', { limit: 1000 })).rows;
    const bookValue = (id: number) =>
      assets.filter((a) => a.holderClinicId === id && a.status !== 'disposed').reduce((s, a) => s + a.bookValueFen, 0);
    const clinic = [...clinics].sort((a, b) => bookValue(b.id) - bookValue(a.id))[0];
    if (!clinic) throw new Error('演示乡镇没有运行中的卫生室');
    const stockFen = (await app.call('stock.list', { place: clinic.id, limit: 1000 })).rows.reduce((s, r) => s + r.amountFen, 0);
    const alerts = (await app.call('alerts.list', { asOf: today })).alerts;
    const quarter = (await app.call('quarters.results', { quarter: quarterKey(quarterOf(today)) })).rows.find(
      (r) => r.clinicId === clinic.id,
    );
    expect(bookValue(clinic.id)).toBeGreaterThan(0);

    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    await gridRow(page, clinic.code).locator('a.file-link').click();
    const file = page.getByTestId('clinic-file');
    await file.getByRole('heading', { name: clinic.name }).waitFor();
    expect(page.url()).toContain(`#/clinic?id=${clinic.id}`);

    const figure = async (id: string) => ((await page.getByTestId(id).locator('.clinic-file-figure-value').textContent()) ?? '').trim();
    expect(await figure('fig-population')).toBe(clinic.servicePopulation.toLocaleString('en-US'));
    expect(await figure('fig-doctors')).toBe(`${clinic.requiredDoctors} / ${clinic.actualDoctors}`);
    expect(await figure('fig-assets')).toBe(fenToAmount(bookValue(clinic.id)));
    expect(await figure('fig-stock')).toBe(fenToAmount(stockFen));
    expect(await figure('fig-quarter')).toBe(quarter?.scoreTenths == null ? '—' : (quarter.scoreTenths / 10).toFixed(1));

    // Doctors: one row per person posted there; alerts: those naming the clinic or its doctors.
    const doctorRows = page.getByTestId('file-doctors').locator('tbody tr');
    expect(await doctorRows.count()).toBe(clinic.actualDoctors);
    const doctorNames = await doctorRows.locator('td:first-child').allTextContents();
    const mine = alerts.filter((a) => a.clinicId === clinic.id || doctorNames.includes(a.subject));
    expect(await figure('fig-alerts')).toBe(String(mine.length));
    if (clinic.headName) await page.getByTestId('file-doctors').getByRole('cell', { name: clinic.headName, exact: true }).waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'clinic-file.png') });
    // The wide office screen too: the same page, two columns, nothing cut.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(LOOK_DIR, 'clinic-file-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    // 打印档案: the A4 view, then to PDF.
    await button(page, '打印档案').click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    const pdf = path.join(app.dir, 'clinic-file.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    for (const words of [
      '村卫生室档案（一室一档）',
      clinic.name,
      '服务范围',
      '人员配备',
      '预警提醒',
      '固定资产',
      '药品库存',
      '督导考核',
      '季度考核',
      '填表人',
    ]) {
      expect(flat, `打印的档案应有“${words}”`).toContain(words.replace(/\s+/g, ''));
    }
    expect(flat).toContain(`账面净值${fenToAmount(bookValue(clinic.id))}元`);
    expect(flat).toContain(`库存金额${fenToAmount(stockFen)}元`);
    // No app chrome on paper.
    expect(flat).not.toContain('导出本视图到Excel');
    expect(flat).not.toContain('打印档案');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(LOOK_DIR, 'paper')]);
  });

  it('a clinic’s alert (S1) and the clinic drawer open the file too', async () => {
    const app = await e2e.open({ demo: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const s1 = (await app.call('alerts.list', {})).alerts.find((a) => a.kind === 'staffing_short' && a.clinicId !== null);
    if (!s1?.clinicId) throw new Error('演示乡镇应有一条 S1 预警');
    const clinic = await app.call('clinics.get', { id: s1.clinicId });

    await openMenu(page, '预警提醒');
    const row = page.getByTestId('alerts-table').getByRole('row', { name: new RegExp(s1.detail.slice(0, 8)) });
    await row.locator('a.file-link').click();
    await page.getByTestId('clinic-file').getByRole('heading', { name: clinic.name }).waitFor();
    // S1 is among the file's alerts, and 应配 > 实有 is marked.
    await page.getByTestId('file-alerts').getByText(s1.detail).waitFor();
    expect(await page.getByTestId('fig-doctors').getAttribute('class')).toContain('warn');

    // From the file to the clinic's drawer (编辑卫生室) and back through 打开档案.
    await button(page, '编辑卫生室').click();
    const drawer = await settle(dialog(page, `编辑村卫生室：${clinic.name}`));
    await button(drawer, '打开档案').click();
    await page.getByTestId('clinic-file').getByRole('heading', { name: clinic.name }).waitFor();
    expect(page.url()).toContain(`#/clinic?id=${clinic.id}`);
  });
});
