/**
 * Issue 12, item 1: a keyboard habit must not save wrong data. Picking a village with Enter and
 * then pressing Tab adds nothing (Tab never selects); the clinic form shows, before saving, the
 * service population and required doctors (C4, S1) of the other clinic the change touches, and
 * the save stores exactly the villages chosen.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './suite';
import { button, dialog, formItem, openMenu, settle } from './ui';
import type { TestApp } from './harness';

const e2e = useE2e();

async function township(app: TestApp) {
  const village = (name: string, servicePopulation: number) =>
    app.call('villages.create', {
      name,
      residentPopulation: servicePopulation,
      servicePopulation,
      isCenterSeat: false,
      distanceKm: 3,
      altCoverage: 'none',
      patrolVisitsPerMonth: 0,
      note: '',
    });
  const zhang = await village('张庄村', 1600);
  const li = await village('李营村', 900);
  await village('王楼村', 1200);
  const clinic = (name: string, villageId: number) =>
    app.call('clinics.create', {
      code: '',
      name,
      address: '',
      property: 'public',
      buildingArea: 80,
      insurancePoint: true,
      headName: '',
      hostVillageIds: [villageId],
      extensionVillageIds: [],
      note: '',
    });
  const a = await clinic('张庄卫生室', zhang.id);
  const b = await clinic('李营卫生室', li.id);
  return { zhang, li, a, b };
}

describe('the clinic form at the keyboard', () => {
  it('Enter picks a village, Tab only moves on; the preview shows the other clinic halved before saving', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const t = await township(app);

    await openMenu(page, '村卫生室');
    await page.locator('.data-table tbody').getByText('李营卫生室', { exact: true }).click();
    const drawer = await settle(dialog(page, '编辑村卫生室：李营卫生室'));

    const hosts = drawer.getByLabel('所在村（合建可多选）');
    await hosts.click();
    await hosts.pressSequentially('张庄');
    await page.locator('.ant-select-item-option-active', { hasText: '张庄村' }).waitFor();
    await hosts.press('Enter');
    await drawer.locator('.ant-select-selection-item', { hasText: '张庄村' }).waitFor();
    // The list is still open with an option highlighted: Tab must only move the focus.
    expect(await hosts.getAttribute('aria-expanded')).toBe('true');
    await hosts.press('Tab');
    await expect.poll(() => hosts.getAttribute('aria-expanded')).toBe('false');
    // …to the next field, past the select's clear button (an Enter there would empty the field).
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('f-extensionVillageIds');
    const chosen = formItem(drawer, '所在村（合建可多选）').locator('.ant-select-selection-item');
    expect(await chosen.allTextContents()).toEqual(['李营村', '张庄村']);

    // Before saving: 张庄卫生室 shares 张庄村 now, its 1,600 people halved (C4), one doctor required (S1).
    const preview = drawer.getByTestId('coverage-preview');
    await expect.poll(() => preview.getByTestId('pop-张庄卫生室').textContent()).toBe('1600 → 800');
    expect(await preview.getByTestId('req-张庄卫生室').textContent()).toBe('2 → 1');
    expect(await preview.getByTestId('pop-李营卫生室').textContent()).toBe('900 → 1700');

    await page.screenshot({ path: '/tmp/desk-clinic-preview.png' });
    await button(drawer, '保存').click();
    await drawer.waitFor({ state: 'hidden' });
    const saved = await app.call('clinics.get', { id: t.b.id });
    expect(saved.hostVillageIds.sort()).toEqual([t.zhang.id, t.li.id].sort());
    expect(saved.extensionVillageIds).toEqual([]);
    expect(await app.call('clinics.get', { id: t.a.id })).toMatchObject({ servicePopulation: 800, requiredDoctors: 1 });
  });
});
