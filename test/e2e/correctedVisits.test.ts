/**
 * P4 end to end in Chromium, browser mode: on 月度督导 a visit corrected after its quarter was
 * locked carries 已更正（3 处） and 只看已更正 lists it alone (the other clinic's visit, never
 * corrected, is hidden); the 督导日期 shows in Chinese. On 县级复核 a clinic drawn at random
 * cannot be removed (its 移出 is disabled, with the reason), a clinic picked by hand can.
 * Screens kept in /tmp/e2e-corrected for a human look.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import { halfKey, halfOf, previousHalf } from '../../shared/rules/half';
import { monthsOfQuarter, quarterKey, quarterOf } from '../../shared/rules/quarter';
import { addClinic } from '../helpers/people';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { typeDateInto } from './assetUi';
import { openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-corrected';

describe('已更正的督导记录与随机抽取的复核名单（P4）', () => {
  it('flags and filters corrected visits; a drawn re-check pick cannot be removed, a hand pick can', async () => {
    const app = await e2e.open({ center: true, viewport: { width: 1366, height: 768 } });
    const { page, session } = app;
    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const now = quarterOf(todayIso());
    const q = now.q === 1 ? { year: now.year - 1, q: 4 } : { year: now.year, q: now.q - 1 };
    const last = monthsOfQuarter(q)[2] ?? '';
    const t = addTemplate(session.db, '2020-01');
    const east = await addClinic(session, '东庄', 1200, 'C001');
    const west = await addClinic(session, '西岭', 900, 'C002');
    await app.call('visits.save', visitIn(east, `${last}-19`, t.items, pointsTotalling(61)));
    await app.call('visits.save', visitIn(west, `${last}-20`, t.items, pointsTotalling(75)));
    await app.call('quarters.lock', { quarter: quarterKey(q), note: '' });
    await app.call('visits.correct', {
      clinicId: east,
      month: last,
      reason: '县复核：规章制度一项实际未全部上墙',
      scores: [{ itemId: t.items['1'] ?? 0, scoreTenths: 60, vetoed: false, note: '制度缺两项' }],
    });

    await page.getByRole('menuitem', { name: '督导考核' }).click();
    await openMenu(page, '月度督导');
    const picker = page.getByTestId('visit-month').locator('input').or(page.locator('input[data-testid="visit-month"]')).first();
    await typeDateInto(picker, `${last.slice(0, 4)}年${Number(last.slice(5))}月`);
    const table = page.getByTestId('visits-table');
    const eastRow = table.getByRole('row', { name: /东庄村卫生室/ });
    await eastRow.getByText('57.0').waitFor();
    expect(await page.getByTestId(`visit-corrected-${east}`).textContent()).toBe('已更正（3 处）');
    expect(await page.getByTestId(`visit-corrected-${west}`).count()).toBe(0);
    // The stored date in Chinese.
    await eastRow.getByText(`${last.slice(0, 4)}年${Number(last.slice(5))}月19日`).waitFor();
    await page.getByTestId('visits-corrected-only').click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await table.locator('tbody tr.ant-table-row').first().textContent()).toContain('东庄村卫生室');
    await page.screenshot({ path: path.join(LOOK_DIR, 'visits-corrected-only.png') });
    await page.getByTestId('visits-corrected-only').click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);

    // 县级复核: one drawn at random, the other picked by hand.
    const half = halfKey(previousHalf(halfOf(todayIso())));
    const drawn = await app.call('rechecks.sample', { half, size: 1 });
    const drawnId = drawn.rows[0]?.clinicId ?? 0;
    const handId = drawnId === east ? west : east;
    await app.call('rechecks.pick', { half, clinicIds: [handId] });
    await openMenu(page, '县级复核');
    const rechecks = page.getByTestId('recheck-table');
    await expect.poll(() => rechecks.locator('tbody tr.ant-table-row').count()).toBe(2);
    const locked = page.getByTestId(`recheck-remove-${drawnId}`);
    expect(await locked.isDisabled()).toBe(true);
    await locked.hover({ force: true });
    await page.getByText('随机抽取的村卫生室不能移出：抽取结果须如实保留，供县级复核核对').waitFor();
    await page.screenshot({ path: path.join(LOOK_DIR, 'recheck-drawn.png') });
    await page.mouse.move(5, 5);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await page.getByTestId(`recheck-remove-${handId}`).click();
    await page
      .getByRole('button', { name: /移\s?出/ })
      .last()
      .click();
    await expect.poll(() => rechecks.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(session.db.prepare('SELECT clinic_id, picked_how FROM rechecks').all()).toEqual([{ clinic_id: drawnId, picked_how: 'random' }]);
  });
});
