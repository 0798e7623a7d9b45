/**
 * Issue 12, item 2: dates typed the Chinese ways. The one date field (renderer/components/DateInput)
 * reads every form the import reads (shared/dateText.ts), shows what it understood beside the
 * field while typing, and on leaving shows the day in Chinese (2026年3月1日) while the form holds the
 * ISO day it will save; a date it cannot read
 * is said in words and kept, and the save is refused. Full-width digits in the 身份证号 save as
 * half-width.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from './suite';
import { button, choose, dialog, formItem, openMenu, settle } from './ui';
import { addZhangzhuang } from './oneClinic';

const e2e = useE2e();

/** Each way a clerk types 2026年3月N日, and the day it means. */
const forms: [string, string, string][] = [
  ['2026.3.1', '2026-03-01', '2026年3月1日'],
  ['2026年3月2日', '2026-03-02', '2026年3月2日'],
  ['20260303', '2026-03-03', '2026年3月3日'],
  ['2026-3-4', '2026-03-04', '2026年3月4日'],
  ['2026/03/05', '2026-03-05', '2026年3月5日'],
  ['２０２６．３．６', '2026-03-06', '2026年3月6日'],
  ['26.3.7', '2026-03-07', '2026年3月7日'],
  ['2026。3。8', '2026-03-08', '2026年3月8日'],
];

/** 身份证号 of a woman born 1988-04-09 (check character computed by shared/rules/idCard.ts). */
const ID = '410822198804090027';

async function typeInto(page: Page, input: Locator, typed: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(typed);
}

describe('the date field', () => {
  it('understands each Chinese way of writing a day, says when it cannot, and saves the ISO day', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    await addZhangzhuang(app);
    const { parseIdCard } = await import('../../shared/rules/idCard');
    expect(parseIdCard(ID).ok, 'the test’s 身份证号 is valid').toBe(true);

    await openMenu(page, '人员档案');
    await button(page, '新增村医').click();
    const drawer = await settle(dialog(page, '新增村医'));
    const start = drawer.locator('#d-postStart');
    const item = formItem(drawer, '到岗日期');

    for (const [typed, iso, chinese] of forms) {
      await typeInto(page, start, typed);
      // While typing: what it understood, beside the field (unless typed exactly that way).
      if (typed === chinese) expect(await item.getByTestId('date-echo').count(), typed).toBe(0);
      else expect(await item.getByTestId('date-echo').textContent(), typed).toBe(chinese);
      await start.press('Tab');
      // On leaving: the day in Chinese, as every screen shows dates; no echo beside it.
      expect(await start.inputValue(), `${typed} → ${iso}`).toBe(chinese);
      expect(await item.getByTestId('date-echo').count(), typed).toBe(0);
    }
    await page.screenshot({ path: '/tmp/desk-date-echo.png' });

    // A day that is not one: said in words, the text kept, the save refused.
    await typeInto(page, start, '2026.13.1');
    await start.press('Tab');
    expect(await start.inputValue()).toBe('2026.13.1');
    expect(await item.getByTestId('date-error').textContent()).toBe('不是有效的日期：2026年13月1日');
    await page.screenshot({ path: '/tmp/desk-date-error.png' });

    await drawer.getByLabel('姓名').fill('赵文静');
    // The 身份证号 typed with full-width digits (a Chinese input method).
    const fullWidth = ID.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    await drawer.getByLabel('身份证号').fill(fullWidth);
    await choose(page, drawer.getByLabel('卫生室'), '张庄卫生室', { search: true });
    await button(drawer, '保存').click();
    await expect.poll(async () => (await app.call('people.list', {})).total).toBe(0);
    expect(await drawer.isVisible()).toBe(true);
    expect(await start.inputValue()).toBe('2026.13.1');

    // Corrected the Chinese way, the save goes through with the ISO day and the half-width number.
    await typeInto(page, start, '２０２６年３月９日');
    await start.press('Tab');
    await button(drawer, '保存').click();
    await drawer.waitFor({ state: 'hidden' });
    const list = await app.call('people.list', {});
    expect(list.total).toBe(1);
    const saved = await app.call('people.get', { id: list.rows[0]?.id ?? 0 });
    expect(saved.idNumber).toBe(ID);
    expect(saved.assignments[0]?.startDate).toBe('2026-03-09');
  });
});
