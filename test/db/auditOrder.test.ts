/**
 * 操作记录 newest first by when it happened (at), not by id: the demo and dated work (a month's
 * use registered on its last day, a transfer on the 20th) write rows out of time order, and the
 * list showed 11-20 before 11-30. Ties keep the later row first (id), so paging stays stable.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../../electron/db/audit';
import { buildOrder, buildWhere } from '../../electron/db/listQuery';
import { auditSelect, auditSource } from '../../electron/domains/audit/service';
import type { Session } from '../../electron/app/session';
import { listQuery, type ListQuery } from '../../shared/schemas/common';
import { call } from '../helpers/calls';
import { openSession } from '../helpers/tempDb';

/** Rows written in this order (so ids ascend), each dated as given. */
function writeAt(s: Session, rows: { at: string; entity: string; summary: string }[]): void {
  for (const r of rows) audit({ ...s.ctx, now: () => new Date(r.at) }, { action: 'update', entity: r.entity, summary: r.summary });
}

describe('audit.list default order', () => {
  it('lists by time newest first even when ids are not, ties by id newest first', async () => {
    const s = await openSession();
    writeAt(s, [
      { at: '2026-11-30T10:00:00.000Z', entity: 'clinic', summary: '十一月使用' },
      { at: '2026-11-20T10:00:00.000Z', entity: 'drug_batch', summary: '调剂甲' },
      { at: '2026-11-20T10:00:00.000Z', entity: 'drug_batch', summary: '调剂乙' },
      { at: '2026-10-31T10:00:00.000Z', entity: 'clinic', summary: '十月使用' },
      { at: '2026-12-06T10:00:00.000Z', entity: 'drug_disposal', summary: '销毁' },
    ]);
    const mine = { filters: [{ id: 'entity', value: ['clinic', 'drug_batch', 'drug_disposal'] }] };
    const all = await call(s, 'audit.list', mine);
    expect(all.rows.map((r) => r.summary)).toEqual(['销毁', '十一月使用', '调剂乙', '调剂甲', '十月使用']);
    // The ids themselves are not in that order: the point of ordering by time.
    const ids = all.rows.map((r) => r.id);
    expect([...ids].sort((a, b) => b - a)).not.toEqual(ids);

    // One entity, a page of it, and a sort by another column keep time as the tie-break.
    const clinics = await call(s, 'audit.list', { filters: [{ id: 'entity', value: 'clinic' }] });
    expect(clinics.rows.map((r) => r.summary)).toEqual(['十一月使用', '十月使用']);
    const page = await call(s, 'audit.list', { ...mine, offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.summary)).toEqual(['十一月使用', '调剂乙']);
    const byEntity = await call(s, 'audit.list', { ...mine, sort: [{ id: 'entity', desc: false }] });
    expect(byEntity.rows.map((r) => r.summary)).toEqual(['十一月使用', '十月使用', '调剂乙', '调剂甲', '销毁']);
    s.close();
  });

  it('is served by the time indexes, without sorting the table (migrations 1 and 2)', async () => {
    const s = await openSession();
    const plan = (query: ListQuery) => {
      const q = listQuery.parse(query);
      const w = buildWhere(auditSource, q);
      const sql = `SELECT ${auditSelect} FROM ${auditSource.from} ${w.sql} ${buildOrder(auditSource, q.sort)} LIMIT ? OFFSET ?`;
      const rows = s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...w.params, q.limit, q.offset) as { detail: string }[];
      return rows.map((r) => r.detail).join(' | ');
    };
    // The page as it opens, and filtered by one entity or one action.
    expect(plan({ limit: 100 })).toBe('SCAN a USING INDEX audit_log_at');
    expect(plan({ limit: 100, filters: [{ id: 'entity', value: 'village' }] })).toBe('SEARCH a USING INDEX audit_log_entity_at (entity=?)');
    expect(plan({ limit: 100, filters: [{ id: 'action', value: ['create'] }] })).toBe(
      'SEARCH a USING INDEX audit_log_action_at (action=?)',
    );
    s.close();
  });
});
