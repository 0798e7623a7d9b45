/**
 * P4 end to end in Chromium: a quarter locked, its visit opens read-only (本季度已锁定), 更正…
 * makes it editable, saving asks for the 更正原因 (an empty one is refused and nothing is
 * written), the corrected score shows 原 → 新（更正）, the quarter's score follows, the
 * quarters page counts and lists the corrections, and the printed sheet (page.pdf → pdftotext)
 * lists the correction at its foot. Screens kept in /tmp/e2e-corrections for a human look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { monthsOfQuarter, quarterKey, quarterOf } from '../../shared/rules/quarter';
import { addClinic } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { typeDateInto } from './assetUi';
import { button, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-corrections';

describe('更正已锁定季度的督导记录（P4）', () => {
  it('locks a quarter, corrects a score with its reason, shows old → new, the quarter score and the printed correction', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page, session } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    // The last finished quarter: the one the quarters page opens on.
    const now = quarterOf(todayIso());
    const q = now.q === 1 ? { year: now.year - 1, q: 4 } : { year: now.year, q: now.q - 1 };
    const months = monthsOfQuarter(q);
    const last = months[2] ?? '';
    const t = addTemplate(session.db, '2020-01');
    const east = await addClinic(session, '东庄', 1200, 'C001');
    for (const [m, total] of [
      [months[0], 60],
      [months[1], 60],
      [last, 61],
    ] as const)
      await app.call('visits.save', visitIn(east, `${m ?? ''}-10`, t.items, pointsTotalling(total)));
    await app.call('quarters.lock', { quarter: quarterKey(q), note: '' });

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await openMenu(page, '月度督导');
    const picker = page.getByTestId('visit-month').locator('input').or(page.locator('input[data-testid="visit-month"]')).first();
    await typeDateInto(picker, `${last.slice(0, 4)}年${Number(last.slice(5))}月`);
    const table = page.getByTestId('visits-table');
    await table
      .getByRole('row', { name: /东庄村卫生室/ })
      .getByText('61.0')
      .waitFor();
    await table
      .getByRole('row', { name: /东庄村卫生室/ })
      .getByRole('button', { name: /查\s?看/ })
      .click();
    const banner = page.getByTestId('locked-banner');
    await banner.getByText('本季度已锁定', { exact: true }).waitFor();
    const first = page.locator('[data-score-index="0"]');
    expect(await first.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('visit-save').count()).toBe(0);
    await page.screenshot({ path: path.join(LOOK_DIR, 'locked.png') });

    await page.getByTestId('correction-start').click();
    await expect.poll(() => first.getAttribute('readonly')).toBeNull();
    await first.fill('6');
    await expect.poll(() => page.getByTestId('running-total').textContent()).toContain('合计 57.0 分');
    await page.getByTestId('correction-save').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '更正原因' });
    await modal.getByLabel('更正原因').waitFor();
    // No reason: refused, naming it, and nothing written.
    await button(modal, '保存更正').click();
    await expect.poll(() => modal.getByTestId('correction-error').textContent()).toContain('更正原因');
    expect(session.db.prepare('SELECT count(*) FROM corrections').pluck().get()).toBe(0);
    await modal.getByLabel('更正原因').fill('县复核：制度只上墙一半');
    await button(modal, '保存更正').click();
    const marker = page.getByTestId('score-corrected').first();
    await expect.poll(() => marker.textContent()).toContain('10.0 → 6.0（更正）');
    expect(await marker.textContent()).toContain('县复核：制度只上墙一半');
    await page.getByTestId('visit-corrections').getByText('县复核：制度只上墙一半').first().waitFor();
    expect(await first.getAttribute('readonly')).not.toBeNull();
    expect(session.db.prepare("SELECT old_value || '→' || new_value FROM corrections WHERE field = 'score_tenths'").pluck().all()).toEqual([
      '100→60',
    ]);
    await page.screenshot({ path: path.join(LOOK_DIR, 'corrected.png') });

    // The printed sheet: the corrected value, and the correction at its foot.
    await page.getByRole('button', { name: '打印本表' }).click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    await page.getByTestId('sheet-corrections').waitFor();
    const pdf = path.join(app.dir, 'corrected-sheet.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('东庄村卫生室');
    expect(text).toContain('更正记录');
    expect(text).toContain('原记录');
    expect(text).toContain('更正为');
    expect(text).toContain('县复核：制度只上墙一半');
    expect(text).toMatch(/10\.0\s+6\.0/);
    expect(text).toContain('57.0');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(LOOK_DIR, 'sheet')]);
    await button(page, '返回').click();
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });

    // The quarter follows: (60 + 60 + 57) / 3 = 59.0, 不合格; its corrections counted and listed.
    await openMenu(page, '季度考核');
    const row = page.getByTestId('quarter-table').getByRole('row', { name: /东庄村卫生室/ });
    await row.getByText('59.0').waitFor();
    await row.getByText('不合格').first().waitFor();
    const count = page.getByTestId('quarter-corrections');
    await expect.poll(() => count.textContent()).toMatch(/更正记录（2\s?处）/);
    await count.click();
    const list = page.locator('.ant-modal').getByTestId('corrections-list');
    await list.getByText('1 规章制度上墙，岗位职责明确 · 得分').waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'quarter-corrections.png') });
  });
});
