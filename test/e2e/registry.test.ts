/**
 * Requirements 2, 7 and 8 on the demo township: a new village is a 空白点 until a clinic
 * stands in it; closing a clinic needs a reason and leaves its village blank; the S1 setting
 * drives each clinic's 应配村医.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  button,
  choose,
  columnTexts,
  dialog,
  expectCount,
  fillNumber,
  formItem,
  gridRow,
  homeBlankCount,
  openMenu,
  rowTexts,
  settle,
} from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

/** The 应配村医 and 服务人口 shown for one clinic in the clinic list. */
async function clinicFigures(page: Page, name: string): Promise<{ population: string; doctors: string }> {
  // Each name carries its 档案 link (the clinic's own page) in the same cell.
  const names = (await columnTexts(page, '卫生室名称')).map((n) => n.replace(/档案$/, ''));
  const i = names.indexOf(name);
  if (i < 0) throw new Error(`卫生室列表中没有“${name}”：${names.join('、')}`);
  return { population: (await columnTexts(page, '服务人口'))[i] ?? '', doctors: (await columnTexts(page, '应配村医'))[i] ?? '' };
}

describe('villages and clinics', () => {
  it('a new village is a 空白点 until a clinic is set up in it', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    expect(await homeBlankCount(page)).toBe(1);

    await openMenu(page, '行政村');
    await expectCount(page, 18);
    await button(page, '新增行政村').click();
    const drawer = await settle(dialog(page, '新增行政村'));
    await drawer.getByLabel('村名').fill('石桥村');
    await fillNumber(drawer.getByLabel('户籍人口'), 1600);
    await fillNumber(drawer.getByLabel('服务人口'), 1500);
    await button(drawer, '保存').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('已保存：石桥村').waitFor();
    await expectCount(page, 19);

    const row = gridRow(page, '石桥村');
    await row.waitFor();
    const cells = await rowTexts(row);
    expect(cells[1]).toBe('空白点');
    expect(cells.slice(3, 5)).toEqual(['1600', '1500']);
    expect(await row.getAttribute('class')).toContain('row-blank');
    // The red of a 空白点 row (browser-side code as a string: this tsconfig has no DOM types).
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.data-table tr.row-blank td')).color")).toBe(
      'rgb(207, 19, 34)',
    );
    expect(app.counts().villages).toBe(19);

    expect(await homeBlankCount(page)).toBe(2);
    await page.getByTestId('blank-list').getByText('石桥村').waitFor();

    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    await button(page, '新增村卫生室').click();
    const clinicDrawer = await settle(dialog(page, '新增村卫生室'));
    await clinicDrawer.getByLabel('机构编码').fill('HY001-15');
    await clinicDrawer.getByLabel('卫生室名称').fill('石桥村卫生室');
    await choose(page, clinicDrawer.getByLabel('所在村'), '石桥村', { search: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => formItem(clinicDrawer, '所在村').textContent()).toContain('石桥村');
    await button(clinicDrawer, '保存').click();
    await clinicDrawer.waitFor({ state: 'hidden' });
    await expectCount(page, 15);
    // S1: 1500 people → ceil(1500 / 1000) = 2 village doctors.
    expect(await clinicFigures(page, '石桥村卫生室')).toEqual({ population: '1500', doctors: '2' });
    expect(await rowTexts(gridRow(page, 'HY001-15'))).toContain('石桥村');

    await openMenu(page, '行政村');
    await expectCount(page, 19);
    const after = await rowTexts(gridRow(page, '石桥村'));
    expect(after[1]).toBe('本村卫生室');
    expect(after[2]).toBe('石桥村卫生室');
    expect(await gridRow(page, '石桥村').getAttribute('class')).not.toContain('row-blank');

    expect(await homeBlankCount(page)).toBe(1);
    expect(await page.getByTestId('blank-list').getByText('石桥村').count()).toBe(0);
  });

  it('closing a clinic needs a reason; then it shows 已撤销 and its village becomes a 空白点', async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    await gridRow(page, 'HY001-03').getByText('王屯村卫生室').click();
    const drawer = await settle(dialog(page, '编辑村卫生室：王屯村卫生室'));
    await drawer.getByRole('button', { name: '撤销该卫生室…' }).click();

    const confirm = await settle(dialog(page, '撤销村卫生室：王屯村卫生室'));
    await confirm.getByText('撤销日期').waitFor();
    const reason = confirm.getByLabel('撤销原因');
    await reason.waitFor();
    const before = app.counts();

    await button(confirm, '确认撤销').click();
    await confirm.getByText('请填写撤销原因').waitFor();
    expect(await formItem(confirm, '撤销原因').getAttribute('class')).toContain('ant-form-item-has-error');
    expect(app.counts()).toEqual(before);
    expect((await rowTexts(gridRow(page, 'HY001-03')))[2]).toBe('运行');

    // Spaces only are no reason either.
    await reason.fill('   ');
    await button(confirm, '确认撤销').click();
    await confirm.getByText('请填写撤销原因').waitFor();
    expect(app.counts()).toEqual(before);

    await reason.fill('村医外出务工，暂停执业');
    // Its assets are still on the books there (A3): refused, saying what to do.
    await button(confirm, '确认撤销').click();
    await page
      .getByText(/“王屯村卫生室”还有 \d+ 项固定资产在账。请先在“固定资产”中把它们调拨/)
      .first()
      .waitFor();
    expect(app.counts()).toEqual(before);
    // The clerk moves them to the center (as on the 固定资产 page), then closes.
    const wangtun = (await app.call('clinics.options', {})).find((c) => c.name === '王屯村卫生室')?.id;
    const held = (await app.call('assets.list', { limit: 1000 })).rows.filter(
      (a) => a.holderClinicId === wangtun && a.status !== 'disposed',
    );
    for (const a of held) {
      await app.call('assets.move', {
        kind: 'transfer',
        assetId: a.id,
        date: new Date().toISOString().slice(0, 10),
        toClinicId: null,
        reason: '卫生室撤销，资产收回',
        sentBy: '王志强',
        receivedBy: '王会计',
      });
    }
    const afterTransfers = app.counts();
    await button(confirm, '确认撤销').click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('已撤销：王屯村卫生室').waitFor();
    await expect.poll(async () => (await rowTexts(gridRow(page, 'HY001-03')))[2]).toBe('已撤销');
    expect(app.counts().audit).toBe(afterTransfers.audit + 1);

    expect(await homeBlankCount(page)).toBe(2);
    await page.getByTestId('blank-list').getByText('王屯村').waitFor();

    await openMenu(page, '行政村');
    await expectCount(page, 18);
    expect((await rowTexts(gridRow(page, '王屯村')))[1]).toBe('空白点');
  });

  it("changing S1 (每名村医服务人口) from 1000 to 500 changes every clinic's 应配村医", async () => {
    const app = await e2e.open({ demo: true });
    const { page } = app;
    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    expect(await clinicFigures(page, '张庄村卫生室')).toEqual({ population: '2100', doctors: '3' });
    expect(await clinicFigures(page, '王屯村卫生室')).toEqual({ population: '980', doctors: '1' });

    await openMenu(page, '设置');
    const s1 = page.getByLabel('每名村医服务人口');
    await expect.poll(() => s1.inputValue()).toBe('1000');
    await fillNumber(s1, 500);
    await button(page, '保存设置').click();
    await page.getByText('设置已保存').waitFor();
    await expect.poll(() => s1.inputValue()).toBe('500');

    await openMenu(page, '村卫生室');
    await expectCount(page, 14);
    // ceil(2100 / 500) = 5, ceil(980 / 500) = 2, ceil(1100 / 500) = 3.
    expect(await clinicFigures(page, '张庄村卫生室')).toEqual({ population: '2100', doctors: '5' });
    expect(await clinicFigures(page, '王屯村卫生室')).toEqual({ population: '980', doctors: '2' });
    expect(await clinicFigures(page, '吴岗村卫生室')).toEqual({ population: '1100', doctors: '3' });
    const doctors = (await columnTexts(page, '应配村医')).map(Number);
    const people = (await columnTexts(page, '服务人口')).map(Number);
    const statuses = await columnTexts(page, '状态');
    doctors.forEach((d, i) => {
      if (statuses[i] === '运行') expect(d).toBe(Math.max(1, Math.ceil((people[i] ?? 0) / 500)));
    });
  });
});
