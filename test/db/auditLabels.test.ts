/**
 * 操作记录 names every action and every kind of record in Chinese: on the demo township, which
 * exercises every module (registry, people, assets, drugs, supervision), each action and entity
 * in the audit trail has its label in the list's view — a new kind of audit row without one
 * would show the clerk a code such as `stock.use`.
 */
import { describe, expect, it } from 'vitest';
import { auditView } from '../../shared/views';
import { openDemoAt } from '../helpers/people';

describe('audit labels', () => {
  it('labels every action and entity the demo township writes', async () => {
    const s = await openDemoAt('2026-12-06');
    const labels = (id: string) => auditView.columns.find((c) => c.id === id)?.labels ?? {};
    const distinct = (col: string) => s.db.prepare(`SELECT DISTINCT ${col} FROM audit_log ORDER BY 1`).pluck().all() as string[];
    const actions = distinct('action');
    const entities = distinct('entity');
    expect(actions).toContain('stock.use');
    expect(actions.length).toBeGreaterThan(5);
    expect(entities.length).toBeGreaterThan(8);
    expect(actions.filter((a) => !(a in labels('action')))).toEqual([]);
    expect(entities.filter((e) => !(e in labels('entity')))).toEqual([]);
  });
});
