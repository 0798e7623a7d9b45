/**
 * Dates are ISO in storage, Chinese on screen (the standard; shared/format.ts chineseDate): a real
 * list's date column (the asset ledger's 购置日期) shows 2026年6月19日, never the stored
 * 2026-06-19; the date field shows the day it holds in Chinese and still takes what a clerk types
 * (2026.6.19), and what is saved is the ISO day.
 */
import { describe, expect, it } from 'vitest';
import { chineseDate, todayIso } from '../../shared/format';
import { addZhangzhuang } from './oneClinic';
import { useE2e } from './suite';
import { button, columnTexts, dialog, expectCount, openMenu, settle } from './ui';

const e2e = useE2e();
const chineseDay = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const isoDay = /\d{4}-\d{2}-\d{2}/;

describe('dates on screen', () => {
  it('the asset ledger shows 购置日期 as 年月日 and its 台账日期 field in Chinese', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '固定资产');
    await expectCount(page, 108);
    const shown = await columnTexts(page, '购置日期');
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text).toMatch(chineseDay);
      expect(text).not.toMatch(isoDay);
    }
    // The same day the core stores, only written the Chinese way.
    const stored = (await app.call('assets.list', { limit: 1000 })).rows.map((r) => chineseDate(r.acquiredOn));
    for (const text of shown) expect(stored).toContain(text);
    expect(await page.locator('#asset-as-of').inputValue()).toBe(chineseDate(todayIso()));
  });

  it('closing a clinic: the date typed as 2026.6.19 shows as 2026年6月19日, is saved as 2026-06-19 and listed in Chinese', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const clinic = await addZhangzhuang(app);
    await openMenu(page, '村卫生室');
    await expectCount(page, 1);
    await page.locator('.data-table').getByText('张庄卫生室').click();
    const drawer = await settle(dialog(page, '编辑村卫生室：张庄卫生室'));
    await drawer.getByRole('button', { name: '撤销该卫生室…' }).click();
    const confirm = await settle(dialog(page, '撤销村卫生室：张庄卫生室'));
    const date = confirm.locator('#close-date');
    // Today, in Chinese, before the clerk types.
    expect(await date.inputValue()).toBe(chineseDate(todayIso()));
    await date.click();
    await date.press('ControlOrMeta+a');
    await date.pressSequentially('2026.6.19');
    await confirm.getByTestId('date-echo').getByText('2026年6月19日').waitFor();
    await date.press('Tab');
    expect(await date.inputValue()).toBe('2026年6月19日');
    await confirm.getByLabel('撤销原因').fill('村医外出务工，暂停执业');
    await button(confirm, '确认撤销').click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await app.call('clinics.get', { id: clinic.id })).closedOn).toBe('2026-06-19');
    await expect.poll(() => columnTexts(page, '撤销日期')).toEqual(['2026年6月19日']);
  });
});
