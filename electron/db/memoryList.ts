/**
 * The list query (search, column filters, sort, page) applied to rows already in memory, for
 * lists computed by rules rather than stored (alerts). Same semantics as db/listQuery.ts.
 */
import type { ListQueryParsed, Page } from '../../shared/schemas/common';
import { displayValue, type ViewDef } from '../../shared/views';
import { AppError } from './errors';

type Row = Record<string, unknown>;

function matches(view: ViewDef, row: Row, q: Pick<ListQueryParsed, 'search' | 'filters'>): boolean {
  for (const f of q.filters ?? []) {
    const col = view.columns.find((c) => c.id === f.id);
    if (!col) throw new AppError('BAD_REQUEST', `不能按“${f.id}”筛选`, { field: f.id });
    const v = row[f.id];
    if (typeof f.value === 'boolean') {
      if (Boolean(v) !== f.value) return false;
    } else if (Array.isArray(f.value)) {
      if (f.value.length && !f.value.includes(String(v))) return false;
    } else if (typeof f.value === 'object') {
      const n = Number(v);
      if ((f.value.min !== undefined && n < f.value.min) || (f.value.max !== undefined && n > f.value.max)) return false;
    } else if (f.value.trim()) {
      if (col.kind === 'enum' ? String(v) !== f.value : !String(v ?? '').includes(f.value.trim())) return false;
    }
  }
  const s = q.search?.trim();
  return !s || view.columns.some((c) => String(displayValue(c, row[c.id])).includes(s));
}

export function filterSortInMemory<T extends Row>(
  view: ViewDef,
  rows: readonly T[],
  q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>,
): T[] {
  const kept = rows.filter((r) => matches(view, r, q));
  const sorts = q.sort ?? [];
  for (const s of sorts) {
    if (!view.columns.some((c) => c.id === s.id)) throw new AppError('BAD_REQUEST', `不能按“${s.id}”排序`, { field: s.id });
  }
  return sorts.length === 0
    ? kept
    : [...kept].sort((a, b) => {
        for (const s of sorts) {
          const x = a[s.id];
          const y = b[s.id];
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
          if (c !== 0) return s.desc ? -c : c;
        }
        return 0;
      });
}

export function pageInMemory<T extends Row>(view: ViewDef, rows: readonly T[], q: ListQueryParsed): Page<T> {
  const all = filterSortInMemory(view, rows, q);
  return { rows: all.slice(q.offset, q.offset + q.limit), total: all.length };
}
