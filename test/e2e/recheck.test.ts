/**
 * Issue 11 part 7 (P4) end to end in Chromium, browser mode: on 县级复核 the clerk draws 2
 * clinics at random for the half-year just ended (stored with its seed), exports one picked
 * clinic's pack workbook (its sheets and six months read back), opens the half-year's printed
 * sheets and saves them as PDF (page.pdf, as the print dialog's 另存为 PDF would): pdftotext
 * shows both supervised months' sheets of that clinic and no other clinic's. Screens kept in
 * /tmp/e2e-recheck for a human look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { halfKey, halfOf, previousHalf, monthsOfHalf } from '../../shared/rules/half';
import { todayIso } from '../../shared/format';
import { addClinic } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { download, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-recheck';

describe('县级复核 → 复核材料', () => {
  it('draws 2 clinics at random, exports the pack workbook and prints the half-year’s sheets to PDF', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const half = previousHalf(halfOf(todayIso()));
    const months = monthsOfHalf(half);
    const [m1 = '', m2 = ''] = [months[1], months[3]];
    const t = addTemplate(app.session.db, `${half.year - 1}-01`);
    const names = ['东庄', '西岭', '南坡', '北湾'];
    const ids: number[] = [];
    for (const [i, n] of names.entries()) {
      const id = await addClinic(app.session, n, 900 + i * 100, `C00${i + 1}`);
      ids.push(id);
      // Every clinic supervised in two months of the half-year, so whichever two are drawn have both sheets.
      await app.call('visits.save', visitIn(id, `${m1}-1${i}`, t.items, pointsTotalling(80 + i)));
      await app.call('visits.save', visitIn(id, `${m2}-2${i}`, t.items, pointsTotalling(70 + i)));
    }

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await openMenu(page, '县级复核');
    await page.getByText(`运行的村卫生室 4 家，已选 0 家`).waitFor();
    await page.getByLabel('抽取家数').fill('2');
    await page.getByTestId('recheck-sample').click();
    await page
      .getByRole('button', { name: /抽\s?取/ })
      .last()
      .click();
    const table = page.getByTestId('recheck-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    const stored = app.session.db
      .prepare('SELECT half, clinic_id, picked_how, seed, sample_size FROM rechecks ORDER BY clinic_id')
      .all() as {
      half: string;
      clinic_id: number;
      picked_how: string;
      seed: string;
      sample_size: number;
    }[];
    expect(stored).toHaveLength(2);
    expect(
      stored.every((r) => r.half === halfKey(half) && r.picked_how === 'random' && r.sample_size === 2 && /^[0-9a-f]{16}$/.test(r.seed)),
    ).toBe(true);
    const pickedId = stored[0]?.clinic_id ?? 0;
    const pickedName = `${names[ids.indexOf(pickedId)] ?? ''}村卫生室`;
    const others = names.map((n) => `${n}村卫生室`).filter((n) => n !== pickedName);
    expect(await page.getByTestId(`recheck-visits-${pickedId}`).textContent()).toBe('2 / 6');
    await page.screenshot({ path: path.join(LOOK_DIR, 'recheck-page.png') });

    const row = table.getByRole('row', { name: new RegExp(pickedName) });
    const saved = await download(page, app.dir, () => row.getByRole('button', { name: /导出 Excel/ }).click());
    expect(saved.name).toContain(`${pickedName}${half.year} 年${half.h === 1 ? '上' : '下'}半年督导考核复核材料`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督导情况', '逐项得分', '发现问题及整改', '更正记录', '季度考核']);
    const firstColumn = (name: string) => (wb.getWorksheet(name)?.getColumn(2).values ?? []).map(String);
    // The six months, two supervised.
    expect(firstColumn('督导情况').filter((v) => /^\d{4} 年 \d+ 月$/.test(v))).toHaveLength(6);

    await row.getByRole('button', { name: /打印督导表/ }).click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    await expect.poll(() => page.getByTestId('print-now').isEnabled()).toBe(true);
    expect(await page.locator('.print-sheet').count()).toBe(2);
    await page.screenshot({ path: path.join(LOOK_DIR, 'sheets-screen.png') });
    const pdf = path.join(app.dir, 'sheets.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const monthText = (m: string) => `${m.slice(0, 4)} 年 ${Number(m.slice(5))} 月`;
    expect(text).toContain('村卫生室月度督导考核表');
    expect(text).toContain(pickedName);
    expect(text).toContain(monthText(m1));
    expect(text).toContain(monthText(m2));
    for (const other of others) expect(text).not.toContain(other);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'sheet')]);
    expect(app.pageErrors).toEqual([]);
  });
});
