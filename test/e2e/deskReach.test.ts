/**
 * Issue 12, item 7: getting to the thing. 新增村医 is one form (person + clinic + post): it opens
 * with the focus on its first field, the 身份证号 fills sex and birth date as it is typed, Ctrl+Enter
 * saves, and the “discard changes?” prompt puts the focus on 继续编辑. An S9 alert opens the person's
 * file on the training tab; a clinic's S1 alert opens that clinic.
 */
import { describe, expect, it } from 'vitest';
import { useE2e } from './suite';
import { button, choose, dialog, openMenu, settle } from './ui';
import { addZhangzhuang } from './oneClinic';

const e2e = useE2e();

/** A woman born 1988-04-09 (valid check character). */
const ID = '410822198804090027';

const focusedId = "document.activeElement && document.activeElement.id || ''";
const focusedText = "document.activeElement && document.activeElement.textContent || ''";

describe('getting to the thing', () => {
  it('adds a doctor in one form: focus on 姓名, the ID fills sex and birth date, Ctrl+Enter saves; discard asks with 继续编辑 focused', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const clinic = await addZhangzhuang(app);
    await openMenu(page, '人员档案');

    // The discard prompt: focus on 继续编辑, so Enter keeps the typing.
    await button(page, '新增村医').click();
    let drawer = await settle(dialog(page, '新增村医'));
    await expect.poll(() => page.evaluate<string>(focusedId)).toBe('d-name');
    await page.keyboard.type('赵文静');
    await button(drawer, '取消').click();
    const prompt = await settle(dialog(page, '放弃未保存的修改？'));
    await expect.poll(() => page.evaluate<string>(focusedText)).toMatch(/^继续编辑$|^继 续 编 辑$/);
    await page.screenshot({ path: '/tmp/desk-discard-prompt.png' });
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'hidden' });
    expect(await drawer.getByLabel('姓名').inputValue()).toBe('赵文静');

    // The 身份证号 fills sex and birth date as it is typed.
    await drawer.getByLabel('身份证号').pressSequentially(ID);
    await expect.poll(() => drawer.locator('#d-birthDate').inputValue()).toBe('1988年4月9日');
    expect(await drawer.getByRole('radio', { name: '女' }).isChecked()).toBe(true);
    await drawer.getByText('女，1988年4月9日生').waitFor();
    await choose(page, drawer.getByLabel('卫生室'), '张庄卫生室', { search: true });
    await page.screenshot({ path: '/tmp/desk-new-doctor.png' });

    // Ctrl+Enter saves from any field.
    await drawer.getByLabel('姓名').click();
    await page.keyboard.press('Control+Enter');
    await drawer.waitFor({ state: 'hidden' });
    const list = await app.call('people.list', {});
    expect(list.total).toBe(1);
    const saved = await app.call('people.get', { id: list.rows[0]?.id ?? 0 });
    expect(saved).toMatchObject({ name: '赵文静', idNumber: ID, sex: 'F', birthDate: '1988-04-09', clinicName: '张庄卫生室' });
    expect(saved.assignments).toEqual([expect.objectContaining({ clinicId: clinic.id, role: 'doctor', endDate: null })]);

    // Closing an untouched drawer asks nothing.
    await button(page, '新增村医').click();
    drawer = await settle(dialog(page, '新增村医'));
    await button(drawer, '取消').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('an S9 alert opens the person on the training tab; a clinic’s S1 alert opens the clinic', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    const clinic = await addZhangzhuang(app);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await app.call('people.createDoctor', {
      person: { name: '赵文静', idNumber: ID, category: 'village_doctor' },
      post: { clinicId: clinic.id, role: 'head', startDate: `${today.slice(0, 4)}-01-01` },
      contract: { kind: '' },
    });
    const alerts = await app.call('alerts.list', {});
    const s9 = alerts.alerts.find((a) => a.rule === 'S9' && a.subject.startsWith('赵文静'));
    expect(s9, `an S9 alert for 赵文静 on ${today}: ${alerts.alerts.map((a) => a.kind).join('、')}`).toBeDefined();
    expect(alerts.alerts.some((a) => a.kind === 'staffing_short' && a.clinicId === clinic.id)).toBe(true);

    await openMenu(page, '预警提醒');
    const table = page.getByTestId('alerts-table');
    await table
      .getByRole('row', { name: new RegExp(s9?.detail.slice(0, 8) ?? '') })
      .getByText(s9?.subject ?? '')
      .click();
    const file = await settle(dialog(page, '人员档案：赵文静'));
    await expect.poll(() => file.getByRole('tab', { selected: true }).textContent()).toMatch(/^培训进修/);
    await page.screenshot({ path: '/tmp/desk-alert-training.png' });

    await page.goBack();
    await page.getByTestId('alerts-table').waitFor();
    const s1 = alerts.alerts.find((a) => a.kind === 'staffing_short' && a.clinicId === clinic.id);
    await table
      .getByRole('row', { name: new RegExp(s1?.detail.slice(0, 8) ?? '') })
      .getByText(s1?.subject ?? '')
      .click();
    await settle(dialog(page, '编辑村卫生室：张庄卫生室'));
  });
});
