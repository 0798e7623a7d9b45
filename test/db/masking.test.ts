/**
 * 只读 sees 身份证号 and phone numbers masked in every list, detail and export, and cannot find
 * them out by searching, filtering or sorting; the other roles see them whole. On the demo.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { signInTrusted } from '../../electron/app/signedIn';
import { readBack, sheet } from '../excel/support';
import { call, callFails } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';

const masked = /^\d{4}\*{10}[\dX]{4}$/;
const viewer = { login: 'chakan', name: '查看员', role: 'viewer' } as const;

/** Every cell's text of the first sheet of an exported workbook. */
async function cells(file: { base64: string }): Promise<string[]> {
  const ws = sheet(await readBack(Buffer.from(file.base64, 'base64')));
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
}

async function demoWithPhone(): Promise<{ s: Session; id: number; idNumber: string }> {
  const s = await openDemoAt();
  const first = (await call(s, 'people.list', { limit: 1 })).rows[0];
  if (!first) throw new Error('demo has no people');
  const person = await call(s, 'people.get', { id: first.id });
  const { id, idNumber, name, category } = person;
  await call(s, 'people.update', { id, values: { name, idNumber, category: category as 'village_doctor', phone: '13912345678' } });
  return { s, id, idNumber };
}

describe('只读 sees personal fields masked', () => {
  it('in the list, the file (with its 变更记录) and the exports; the administrator sees them whole', async () => {
    const { s, id, idNumber } = await demoWithPhone();
    const adminRows = (await call(s, 'people.list', { limit: 500 })).rows;
    expect(adminRows.find((r) => r.id === id)).toMatchObject({ idNumber, phone: '13912345678' });

    signInTrusted(s, viewer);
    const rows = (await call(s, 'people.list', { limit: 500 })).rows;
    expect(rows.length).toBe(adminRows.length);
    for (const r of rows) expect(r.idNumber).toMatch(masked);
    expect(rows.find((r) => r.id === id)?.phone).toBe('139****5678');

    const detail = await call(s, 'people.get', { id });
    expect(detail.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(detail.phone).toBe('139****5678');
    const phoneChange = detail.history.find((h) => h.field === '联系电话');
    expect(phoneChange?.newValue).toBe('139****5678');
    expect(JSON.stringify(detail)).not.toContain('13912345678');
    expect(JSON.stringify(detail)).not.toContain(idNumber);

    const exported = await cells(await call(s, 'people.export', { columns: ['name', 'idNumber', 'phone'] }));
    expect(exported).toContain('139****5678');
    expect(exported.some((c) => masked.test(c))).toBe(true);
    expect(exported.join('|')).not.toContain(idNumber);

    const roster = await call(s, 'returns.export', { name: 'roster' });
    const rosterCells = await cells(roster);
    expect(rosterCells.join('|')).not.toMatch(/\d{17}[\dX]/);
    expect(rosterCells.some((c) => masked.test(c))).toBe(true);
  });

  it('cannot find the numbers out by searching, filtering or sorting on them', async () => {
    const { s, idNumber } = await demoWithPhone();
    const prefix = idNumber.slice(0, 10);
    expect((await call(s, 'people.list', { search: prefix })).total).toBeGreaterThan(0);
    signInTrusted(s, viewer);
    expect((await call(s, 'people.list', { search: prefix })).total).toBe(0);
    expect((await call(s, 'people.list', { search: '13912345' })).total).toBe(0);
    expect((await callFails(s, 'people.list', { filters: [{ id: 'idNumber', value: prefix }] })).code).toBe('BAD_REQUEST');
    expect((await callFails(s, 'people.list', { sort: [{ id: 'phone', desc: false }] })).code).toBe('BAD_REQUEST');
    expect((await callFails(s, 'people.export', { filters: [{ id: 'idNumber', value: prefix }] })).code).toBe('BAD_REQUEST');
  });

  it('the other roles see them whole', async () => {
    const { s, id, idNumber } = await demoWithPhone();
    for (const role of ['clerk', 'reviewer'] as const) {
      signInTrusted(s, { login: `r-${role}`, name: role, role });
      expect(await call(s, 'people.get', { id })).toMatchObject({ idNumber, phone: '13912345678' });
    }
  });
});
