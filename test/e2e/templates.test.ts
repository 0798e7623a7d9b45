/**
 * Issue 11 parts 1–2 end to end in Chromium: the county's 考核细则 imported on the 考核细则 page
 * (the preview names the group whose points do not add up, 载入 waits for the clerk's tick, then
 * the tree shows with its group totals and 奖励 / 一票否决 tags), and a responsibility letter on
 * 目标责任书 — signing registered, then printed to PDF (A4 portrait) and its text checked with
 * pdftotext; screenshots and page 1 as PNG kept for a human look in /tmp/e2e-templates.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addClinic } from '../helpers/people';
import { notAddingUp, withoutPointsColumn } from '../excel/templateFixtures';
import { typeDateInto } from './assetUi';
import { button, download, readSheet } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-templates';

describe('考核细则 and 目标责任书', () => {
  it('imports a county template with a warning the clerk confirms, shows the tree, prints a letter', { timeout: 180_000 }, async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const east = await addClinic(app.session, '东庄', 1200, 'C001');
    await addClinic(app.session, '西岭', 900, 'C002');

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await page.getByRole('menuitem', { name: '考核细则' }).click();
    await button(page, '载入默认细则').click();
    await expect.poll(() => page.getByTestId('template-versions').textContent()).toContain('村卫生室督导考核细则（默认）');

    // A county sheet whose 药品管理 states 10 points and whose items give 8.
    await page.getByTestId('template-import').click();
    await page.locator('input[type=file]').setInputFiles(await notAddingUp(path.join(app.dir, '县考核细则.xlsx'), false));
    const warnings = page.getByTestId('template-warnings');
    await expect.poll(() => warnings.textContent()).toContain('“药品管理”写明 10 分，其中各项基础分合计 8 分');
    const load = page.getByRole('button', { name: /载入为第 2 版/ });
    expect(await load.isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(LOOK_DIR, 'template-preview.png') });
    await page.getByTestId('template-confirm').click();
    await load.click();
    await page.getByText('已载入第 2 版：考核细则（试行）').waitFor();
    const tree = page.getByTestId('template-tree');
    await expect.poll(() => tree.textContent()).toContain('药品管理');
    expect(await tree.textContent()).toContain('合计 8 分（写明 10 分） 不符');
    expect(Number(app.session.db.prepare('SELECT count(*) FROM supervision_templates').pluck().get())).toBe(2);

    // The default (version 1) shows its bonus and veto tags.
    await page.getByTestId('template-versions').getByText('村卫生室督导考核细则（默认）').click();
    await expect.poll(() => tree.textContent()).toContain('一票否决');
    expect(await tree.locator('.ant-tag', { hasText: '奖励' }).count()).toBe(3);
    await page.screenshot({ path: path.join(LOOK_DIR, 'templates.png') });

    // A second county sheet (no 分值 column) previews with its bonus apart: 100 + 15.
    await page.getByTestId('template-import').click();
    await page.locator('input[type=file]').setInputFiles(await withoutPointsColumn(path.join(app.dir, '县细则2.xlsx')));
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('基础分 100 分，奖励分 15 分（最多加 15 分）');
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: '目标责任书' }).click();
    const letters = page.getByTestId('letters-table');
    await expect.poll(() => letters.textContent()).toContain('东庄村卫生室');
    expect(await page.getByTestId('letters-counts').textContent()).toContain('未建立 2');
    await letters.locator('tr', { hasText: '东庄村卫生室' }).getByRole('button', { name: '登记签订' }).click();
    await typeDateInto(page.locator('#sign-date'), `${new Date().getFullYear()}-01-15`);
    await page.getByTestId('sign-center').fill('王院长');
    await page.getByTestId('sign-clinic').fill('李东庄');
    await button(page, '登记').click();
    await expect.poll(() => letters.locator('tr', { hasText: '东庄村卫生室' }).textContent()).toContain('已签');
    await page.getByRole('dialog', { name: /登记签订/ }).waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(LOOK_DIR, 'letters.png') });
    const { file: listFile } = await download(page, app.dir, () => button(page, '导出到 Excel').click());
    const { rows } = await readSheet(listFile);
    expect(rows.find((r) => r.includes('东庄村卫生室'))).toEqual(expect.arrayContaining(['已签', '王院长', '李东庄']));
    expect(rows.find((r) => r.includes('西岭村卫生室'))).toEqual(expect.arrayContaining(['未建立']));
    const signed = app.session.db
      .prepare('SELECT signed_on, clinic_signer FROM responsibility_letters WHERE clinic_id = ?')
      .raw()
      .get(east);
    expect(signed).toEqual([`${new Date().getFullYear()}-01-15`, '李东庄']);

    // 西岭 has no letter yet: its editor starts from the default targets; one figure changed and saved.
    await letters.locator('tr', { hasText: '西岭村卫生室' }).getByRole('button', { name: '编辑目标' }).click();
    const firstFigure = page.getByRole('textbox', { name: '第 1 项指标' });
    await expect.poll(() => firstFigure.inputValue()).toBe('≥ 95');
    await firstFigure.fill('≥ 98');
    await page.screenshot({ path: path.join(LOOK_DIR, 'letter-editor.png') });
    await page.getByTestId('letter-save').click();
    await expect.poll(() => letters.locator('tr', { hasText: '西岭村卫生室' }).textContent()).toContain('未签');
    const west = app.session.db
      .prepare(
        "SELECT t.quantity FROM responsibility_targets t JOIN responsibility_letters l ON l.id = t.letter_id JOIN clinics c ON c.id = l.clinic_id WHERE c.code = 'C002' AND t.position = 1",
      )
      .pluck()
      .get();
    expect(west).toBe('≥ 98');

    await letters.locator('tr', { hasText: '东庄村卫生室' }).getByRole('button', { name: /打印/ }).click();
    await page.locator('.print-root[data-ready="true"]').waitFor();
    expect(await page.getByTestId('print-now').isEnabled()).toBe(true);
    expect(await page.locator('.print-sheet').count()).toBe(1);
    await page.screenshot({ path: path.join(LOOK_DIR, 'letter-screen.png') });
    const pdf = path.join(LOOK_DIR, 'letter.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('村卫生室目标管理责任书');
    expect(text).toContain('甲方：青石镇卫生院');
    expect(text).toContain('乙方：东庄村卫生室');
    expect(text).toContain('非基本药物使用金额占比');
    expect(text).toContain('60 分及以上为合格');
    expect(text).toContain('李东庄');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*\(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'letter')]);
    await button(page, '返回').click();
    expect(app.pageErrors).toEqual([]);
  });
});
