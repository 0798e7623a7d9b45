/**
 * The 采购入库, 配送记录 and 短缺登记 lists on the demo township: every column the screen shows
 * sorts both ways and every filterable one filters in SQLite (a column the list cannot sort
 * would be refused in Chinese the moment the clerk clicked its header), and the export of the
 * view carries every row.
 */
import { describe, expect, it } from 'vitest';
import { deliveryView, receiptView, shortageView } from '../../shared/deliveryViews';
import type { ViewDef } from '../../shared/views';
import { call } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';

const lists: [ViewDef, 'receipts' | 'deliveries' | 'shortages'][] = [
  [receiptView, 'receipts'],
  [deliveryView, 'deliveries'],
  [shortageView, 'shortages'],
];

describe('receipt, delivery and shortage lists', () => {
  it('sort by every column, filter by every filterable one, export the view', async () => {
    const s = await openDemoAt('2026-12-06');
    for (const [view, name] of lists) {
      const all = await call(s, `${name}.list`, {});
      expect(all.total, name).toBeGreaterThan(0);
      for (const c of view.columns) {
        for (const desc of [false, true]) {
          const page = await call(s, `${name}.list`, { sort: [{ id: c.id, desc }], limit: 5 });
          expect(page.total, `${name} ${c.id}`).toBe(all.total);
        }
        if (c.filterable && c.kind !== 'bool') await call(s, `${name}.list`, { filters: [{ id: c.id, value: '1' }] });
        if (c.filterable && c.kind === 'bool') await call(s, `${name}.list`, { filters: [{ id: c.id, value: true }] });
      }
      const file = await call(s, `${name}.export`, {});
      expect(file.rowCount, name).toBe(all.total);
    }
    const flagged = await call(s, 'receipts.list', { sort: [{ id: 'warnings', desc: true }], limit: 1 });
    expect(flagged.rows[0]?.warnings).not.toBe('');
  });
});
