/**
 * Issue 9 point 4: a list's sort and filter ids are looked up as the list's own columns only.
 * `constructor`, `__proto__`, `toString` … used to find Object.prototype's members and end in
 * an INTERNAL error with SQLite's message; now every list operation of the contract refuses
 * them as BAD_REQUEST, in Chinese, naming the id. Walked over the contract, so a new list
 * operation is covered without a new test.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { seedDemo } from '../../electron/demo/seed';
import { dispatch } from '../../electron/app/dispatch';
import type { Session } from '../../electron/app/session';
import { call, expectChinese } from '../helpers/calls';
import { openSessionForFile } from '../helpers/tempDb';

const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** Every list operation: its name ends as a list's does and its input takes a sort. */
const listOps = Object.entries(contract)
  .filter(([name]) => /\.(list|page|uncounted|export)$/.test(name))
  .filter(([, spec]) => spec.input instanceof z.ZodObject && 'sort' in spec.input.shape)
  .map(([name]) => name);

let session: Session | undefined;
async function demo(): Promise<Session> {
  if (!session) {
    session = await openSessionForFile();
    seedDemo(session.ctx, { scale: 1 });
  }
  return session;
}

describe('list ids that are names of Object.prototype', () => {
  it('finds every list operation of the contract', () => {
    expect(listOps).toEqual(
      expect.arrayContaining([
        'villages.list',
        'villages.export',
        'clinics.list',
        'people.list',
        'alerts.page',
        'assets.list',
        'assets.uncounted',
        'audit.list',
        'audit.export',
      ]),
    );
  });

  const cases = listOps.flatMap((op) => PROTOTYPE_IDS.flatMap((id) => (['sort', 'filter'] as const).map((use) => [op, id, use] as const)));

  it.each(cases)('%s refuses %s as a %s id: BAD_REQUEST in Chinese, naming it', async (op, id, use) => {
    const s = await demo();
    const input = use === 'sort' ? { sort: [{ id, desc: false }] } : { filters: [{ id, value: '张' }] };
    const r = await dispatch(s, op, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_REQUEST');
    expect(r.error.field).toBe(id);
    expect(r.error.message).toBe(`没有“${id}”这一列，不能按它${use === 'sort' ? '排序' : '筛选'}，请刷新页面后再试`);
    expectChinese(r.error.message);
  });

  it('refuses an unknown filter on a list with no rows too (in-memory lists checked before any row)', async () => {
    const s = await openSessionForFile();
    for (const op of ['assets.list', 'assets.uncounted', 'alerts.page']) {
      const r = await dispatch(s, op, { filters: [{ id: 'constructor', value: ['x'] }] });
      expect(r.ok ? 'ok' : r.error.code).toBe('BAD_REQUEST');
    }
  });

  it('still sorts and filters by the real columns, and an export ignores unknown column ids', async () => {
    const s = await demo();
    const byName = await call(s, 'villages.list', { sort: [{ id: 'name', desc: true }], filters: [{ id: 'name', value: '村' }] });
    expect(byName.total).toBeGreaterThan(0);
    const file = await call(s, 'villages.export', { columns: ['constructor', 'name', '__proto__'] });
    expect(file.rowCount).toBe(byName.total);
  });
});
