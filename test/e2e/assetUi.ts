/** Steps the asset e2e tests share: typing dates, opening an asset card, registering a transfer. */
import type { Locator, Page } from 'playwright-core';
import { button, choose, dialog, settle } from './ui';

/** Types an ISO date into an antd date picker labelled so, as a clerk would. */
export async function typeDate(scope: Locator, label: string, iso: string): Promise<void> {
  await typeDateInto(scope.getByLabel(label), iso);
}

/** The same into a date picker found otherwise (e.g. by its id). */
export async function typeDateInto(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/** The open asset card drawer, and the asset code in its title. */
export async function openCard(page: Page): Promise<{ card: Locator; code: string }> {
  const card = await settle(dialog(page, /^资产卡片：/));
  const title = (await card.locator('.ant-drawer-title').textContent()) ?? '';
  const code = /资产卡片：(\S+)/.exec(title)?.[1];
  if (!code) throw new Error(`资产卡片标题里没有编号：${title}`);
  return { card, code };
}

/** 调拨… on an open card: to a unit, with reason and both sides' sign-off. */
export async function transfer(page: Page, card: Locator, to: string): Promise<void> {
  await button(card, '调拨…').click();
  const d = await settle(dialog(page, /^调拨：/));
  await choose(page, d.getByLabel('调入单位'), to, { search: true });
  await d.getByLabel('调拨事由').fill('张庄卫生室新购一台，调剂给李营使用');
  await d.getByLabel('调出方签收人').fill('张建国');
  await d.getByLabel('调入方签收人').fill('李秀兰');
  await button(d, '登记调拨').click();
  await d.waitFor({ state: 'hidden' });
}
