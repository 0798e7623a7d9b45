/**
 * The list query (search, column filters, sort, page) applied to rows already in memory, for
 * lists computed by rules rather than stored (alerts). Same semantics as db/listQuery.ts:
 * letters typed find names by pinyin (zq → 张庄村), text sorts in the zh-CN (pinyin) collation.
 */
import type { ListQueryParsed, Page } from '../../shared/schemas/common';
import { displayValue, type ViewColumn, type ViewDef } from '../../shared/views';
import { unknownColumn } from './listQuery';
import { pinyinQuery, pinyinSearchKey } from './pinyin';

type Row = Record<string, unknown>;

type Filter = NonNullable<ListQueryParsed['filters']>[number];
type ResolvedFilter = { col: ViewColumn; value: Filter['value'] };

/**
 * Every filter's and sort's column, checked before any row is looked at: checked per row, an
 * unknown id went unnoticed on an empty list. Columns are found in the view's array (never as
 * a property of an object), so `constructor` or `__proto__` is simply an unknown id.
 */
function resolve(view: ViewDef, q: Pick<ListQueryParsed, 'filters' | 'sort'>): ResolvedFilter[] {
  const filters = (q.filters ?? []).map((f) => {
    const col = view.columns.find((c) => c.id === f.id);
    if (!col) throw unknownColumn(f.id, 'filter');
    return { col, value: f.value };
  });
  for (const s of q.sort ?? []) if (!view.columns.some((c) => c.id === s.id)) throw unknownColumn(s.id, 'sort');
  return filters;
}

function matches(view: ViewDef, row: Row, filters: readonly ResolvedFilter[], search: string | undefined): boolean {
  for (const { col, value } of filters) {
    const v = row[col.id];
    if (typeof value === 'boolean') {
      if (Boolean(v) !== value) return false;
    } else if (Array.isArray(value)) {
      if (value.length && !value.includes(String(v))) return false;
    } else if (typeof value === 'object') {
      const n = Number(v);
      if ((value.min !== undefined && n < value.min) || (value.max !== undefined && n > value.max)) return false;
    } else if (value.trim()) {
      if (col.kind === 'enum' ? String(v) !== value : !String(v ?? '').includes(value.trim())) return false;
    }
  }
  if (!search) return true;
  const typed = pinyinQuery(search);
  return view.columns.some((c) => {
    const shown = String(displayValue(c, row[c.id]));
    // Names, not notes: the initials of a long text would match almost any two letters.
    return shown.includes(search) || (typed !== null && shown.length <= 30 && HAN.test(shown) && keyOf(shown).includes(typed));
  });
}

const HAN = /\p{Script=Han}/u;
/** Pinyin keys of the texts seen, so a list searched letter by letter computes each once. */
const keys = new Map<string, string>();
function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size > 50_000) keys.clear();
    key = pinyinSearchKey(text);
    keys.set(text, key);
  }
  return key;
}

export function filterSortInMemory<T extends Row>(
  view: ViewDef,
  rows: readonly T[],
  q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>,
): T[] {
  const filters = resolve(view, q);
  const search = q.search?.trim();
  const kept = rows.filter((r) => matches(view, r, filters, search));
  const sorts = q.sort ?? [];
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
