/**
 * Issue 11, parts 3–5 end to end in Chromium: a month's visit entered on 月度督导 by keyboard
 * (Enter down the scores, the running total, Ctrl+Enter saves), its A4 sheet printed to PDF —
 * clinic, items, total and the signature labels checked with pdftotext, page 1 kept as PNG for
 * a human look (/tmp/e2e-visits) —, the quarter on 季度考核 and the P5 alert on the home page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { addClinic, addDoctor } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { button, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-visits';

describe('月度督导 → 考核表 → 季度考核', () => {
  it('enters a visit by keyboard, prints its sheet, shows the quarter and the P5 alert', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const t = addTemplate(app.session.db, '2025-01');
    const east = await addClinic(app.session, '东庄', 1200, 'C001');
    const west = await addClinic(app.session, '西岭', 900, 'C002');
    await addDoctor(app.session, { name: '刘文', born: '1979-03-01', sex: 'M', clinicId: west, head: true });
    const year = todayIso().slice(0, 4);
    // 西岭 failed two quarters this year (Q1, Q2): P5 for its doctor.
    await app.call('visits.save', visitIn(west, `${year}-02-10`, t.items, pointsTotalling(52)));
    await app.call('visits.save', visitIn(west, `${year}-05-10`, t.items, pointsTotalling(55.5)));
    const month = todayIso().slice(0, 7);

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await openMenu(page, '月度督导');
    const table = page.getByTestId('visits-table');
    await table.getByText('东庄村卫生室').waitFor();
    await expect.poll(() => page.getByTestId('not-supervised').textContent()).toContain('2 个');
    await table
      .getByRole('row', { name: /东庄村卫生室/ })
      .getByRole('button', { name: /录\s?入/ })
      .click();
    await page.getByTestId('score-table').waitFor();
    await page.locator('#visit-supervisors').fill('王芳、李强');
    const first = page.locator('[data-score-index="0"]');
    await first.focus();
    // 10, 9.5, 28, 26, 18 and a bonus of 3: Enter moves down the scores.
    for (const v of ['10', '9.5', '28', '26', '18', '3']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('running-total').textContent()).toContain('合计 94.5 分（基本 91.5 ＋ 奖励 3.0）');
    // A score above the maximum is shown against its item before anything is sent.
    await page.locator('[data-score-index="2"]').fill('31');
    await page.getByText('“3 处方书写规范，合理用药”的得分 31.0 超过该项分值 30.0 分').waitFor();
    await page.locator('[data-score-index="2"]').fill('28');
    await page.screenshot({ path: path.join(LOOK_DIR, 'visit-form.png') });
    await page.keyboard.press('Control+Enter');
    await page.getByText('已保存：东庄村卫生室 94.5 分').waitFor();
    const stored = app.session.db
      .prepare('SELECT total_tenths, status FROM visits WHERE clinic_id = ? AND month = ?')
      .raw()
      .get(east, month);
    expect(stored).toEqual([945, 'final']);

    await page.getByRole('button', { name: '打印本表' }).click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    expect(await page.locator('.print-sheet').count()).toBe(1);
    await page.screenshot({ path: path.join(LOOK_DIR, 'sheet-screen.png') });
    const pdf = path.join(app.dir, 'sheet.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('村卫生室月度督导考核表');
    expect(text).toContain('东庄村卫生室');
    expect(text).toContain('处方书写规范，合理用药');
    expect(text).toContain('94.5');
    expect(text).toContain('督导人（签字）');
    expect(text).toContain('村卫生室负责人（签字）');
    expect(text).toContain('盖章');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'sheet')]);
    await button(page, '返回').click();
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });

    await openMenu(page, '季度考核');
    await page.getByTestId('quarter-table').waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'quarters.png') });
    await page.getByTestId('p5-flags').getByText('刘文').waitFor();

    await openMenu(page, '首页');
    await expect.poll(() => page.getByTestId('supervision-p5').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('alert-count-assessment_exit').textContent()).toBe('1');
    await page.screenshot({ path: path.join(LOOK_DIR, 'home.png') });
  });
});
