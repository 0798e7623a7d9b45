/**
 * Issue 12 item 3: the app's own exports import back unchanged. For every list and return the
 * app writes that has an import kind, on the demo township: export → import preview → nothing to
 * create or change, no bad row (every row 已存在/无变化), and the rows under 合计 (signature,
 * 填表说明, the alerts block) are not read as data.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { Session } from '../../electron/app/session';
import { call } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';

/** A demo township per test: sessions are closed after each. */
const township = () => openDemoAt('2026-06-15');

type Kind = Input<'import.preview'>['kind'];

async function previewOf(s: Session, kind: Kind, file: { fileName: string; base64: string }) {
  const p = await call(s, 'import.preview', { kind, fileName: file.fileName, base64: file.base64 });
  return {
    errors: p.errors.map((e) => e.message),
    create: p.create.map((r) => r.label),
    update: p.update.map((r) => `${r.label}: ${r.changes.join('、')}`),
    unchanged: p.unchanged.length,
  };
}

describe('export → import: nothing to change', () => {
  it.each([
    ['villages', 'villages.export', 'villages.list'],
    ['clinics', 'clinics.export', 'clinics.list'],
  ] as const)('%s list (%s)', async (kind, exportOp, listOp) => {
    const s = await township();
    const file = await call(s, exportOp, {});
    const total = (await call(s, listOp, { limit: 1 })).total;
    const p = await previewOf(s, kind, file);
    expect(p).toEqual({ errors: [], create: [], update: [], unchanged: total });
  });

  it.each([
    ['clinics', 'clinic-roster'],
    ['roster', 'roster'],
    ['assets', 'asset-ledger'],
  ] as const)('%s from the %s return', async (kind, name) => {
    const s = await township();
    const file = await call(s, 'returns.export', { name });
    const p = await previewOf(s, kind, file);
    expect(p.errors).toEqual([]);
    expect(p.create).toEqual([]);
    expect(p.update).toEqual([]);
    expect(p.unchanged).toBeGreaterThan(0);
  });

  it('the drug catalog export → import drugs', async () => {
    const s = await township();
    const file = await call(s, 'drugs.export', {});
    const total = (await call(s, 'drugs.list', { limit: 1 })).total;
    const p = await previewOf(s, 'drugs', file);
    expect(p).toEqual({ errors: [], create: [], update: [], unchanged: total });
  });
});
