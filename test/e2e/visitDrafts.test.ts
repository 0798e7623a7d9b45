/**
 * P2, P8: the visit form's draft paths end to end (useVisitForm): 暂存草稿 stores a draft,
 * 按扣分录入 turns what is typed into deductions and back, typing left unsaved is restored when
 * the form is opened again, and 删除草稿 removes the stored draft.
 */
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { addClinic } from '../helpers/people';
import { addTemplate } from '../helpers/visits';
import { openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('月度督导：草稿', () => {
  it('stores a draft, switches to deductions, restores unsaved typing and deletes the draft', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    addTemplate(app.session.db, '2025-01');
    const east = await addClinic(app.session, '东庄', 1200, 'C001');
    const month = todayIso().slice(0, 7);
    const stored = () =>
      app.session.db.prepare('SELECT status FROM visits WHERE clinic_id = ? AND month = ?').pluck().get(east, month) as string | undefined;

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await openMenu(page, '月度督导');
    const row = page.getByTestId('visits-table').getByRole('row', { name: /东庄村卫生室/ });
    await row.getByRole('button', { name: /录\s?入/ }).click();
    await page.getByTestId('score-table').waitFor();
    const first = page.locator('[data-score-index="0"]');
    await first.focus();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.keyboard.type('9');
    await page.getByRole('button', { name: /暂存草稿/ }).click();
    await page.getByText('已暂存草稿').waitFor();
    expect(stored()).toBe('draft');

    // 8 of a 10-point item is a deduction of 2; switching back gives 8 again.
    const deduction = page.getByRole('switch');
    await deduction.click();
    await expect.poll(() => first.inputValue()).toBe('2');
    await deduction.click();
    await expect.poll(() => first.inputValue()).toBe('8');

    // Typing not saved is kept in the browser and offered again when the form reopens.
    await page.locator('#visit-supervisors').fill('王芳');
    await page.keyboard.press('Escape');
    await page.getByTestId('score-table').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: /查\s?看/ }).click();
    await page.getByText('已恢复上次未保存的录入内容。').waitFor();
    expect(await page.locator('#visit-supervisors').inputValue()).toBe('王芳');

    await page.getByRole('button', { name: /删除草稿/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s?除/ })
      .click();
    await page.getByText('已删除草稿').waitFor();
    expect(stored()).toBeUndefined();
    await expect.poll(() => page.locator('#visit-supervisors').inputValue()).toBe('');
  });
});
