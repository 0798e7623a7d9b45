/**
 * Turns a list query from the grid (search, column filters, sort, page) into SQL over a
 * whitelist of columns, so large lists sort, filter and page inside SQLite. Column ids that
 * are not in the whitelist are refused with a Chinese message rather than ignored.
 */
import type { FilterValue, ListQueryParsed, Page } from '../../shared/schemas/common';
import { AppError } from './errors';
import type { Db } from './open';
import { pinyinQuery } from './pinyin';

interface ColumnSpec {
  /** SQL expression selecting the value, e.g. `v.name`. */
  sql: string;
  type: 'text' | 'number' | 'bool' | 'enum' | 'date';
  /** Whether the toolbar search looks in this column. */
  searchable?: boolean;
  /**
   * The stored pinyin keys of a name column (migration 11, e.g. `{ key: 'v.name_py', order:
   * 'v.name_order' }`): a typed zq or zhangzhuang then finds 张庄村, and sorting by the column
   * is by pinyin. A plain `alias.name` column of a table that has the keys gets them without
   * saying so (pinyinOf below), so new lists need nothing.
   */
  pinyin?: { key: string; order: string };
}

export interface ListSource {
  /** `FROM … JOIN …` clause. */
  from: string;
  /** Conditions always applied. */
  where?: string;
  columns: Record<string, ColumnSpec>;
  /** Tie-breaker so paging is stable. */
  defaultOrder: string;
}

type Param = string | number;

/**
 * The refusal of a column id the list does not have. The same sentence for SQL and in-memory
 * lists, naming the id, so a stale page (a column renamed by an update) says what to do.
 */
export function unknownColumn(id: string, use: 'sort' | 'filter'): AppError {
  const verb = use === 'sort' ? '排序' : '筛选';
  return new AppError('BAD_REQUEST', `没有“${id}”这一列，不能按它${verb}，请刷新页面后再试`, { field: id });
}

/**
 * A column by the id the client sent, as an own property only: `columns[id]` alone would
 * find `constructor`, `toString` or `__proto__` on Object.prototype and put `undefined` into
 * the SQL, an internal error instead of a refusal.
 */
function columnOf(source: ListSource, id: string, use: 'sort' | 'filter'): ColumnSpec {
  const col = Object.hasOwn(source.columns, id) ? source.columns[id] : undefined;
  if (!col) throw unknownColumn(id, use);
  return col;
}

/** The tables migration 11 gave pinyin keys, and the column each key sorts (drugs: by generic name). */
const PINYIN_TABLES: Readonly<Record<string, string>> = {
  villages: 'name',
  clinics: 'name',
  people: 'name',
  assets: 'name',
  drugs: 'generic_name',
};
const TABLE_ALIAS = /(?:^|\bJOIN\s+|,\s*)(villages|clinics|people|assets|drugs)\s+(?:AS\s+)?(\w+)/gi;
const inferred = new WeakMap<ListSource, Map<ColumnSpec, ColumnSpec['pinyin']>>();

/**
 * A column's pinyin keys: given, or found when the column is exactly `alias.name` and the
 * source's FROM names that alias as one of PINYIN_TABLES (villages v, JOIN drugs d …).
 */
function pinyinOf(source: ListSource, col: ColumnSpec): ColumnSpec['pinyin'] {
  if (col.pinyin) return col.pinyin;
  let found = inferred.get(source);
  if (!found) {
    found = new Map();
    const aliases = new Map<string, string>();
    for (const m of source.from.matchAll(TABLE_ALIAS)) {
      const [table, alias] = [m[1]?.toLowerCase() ?? '', m[2] ?? ''];
      if (!/^(ON|LEFT|JOIN|WHERE|INNER|CROSS)$/i.test(alias)) aliases.set(alias, table);
    }
    for (const c of Object.values(source.columns)) {
      const m = /^(\w+)\.(\w+)$/.exec(c.sql.trim());
      const table = m ? aliases.get(m[1] ?? '') : undefined;
      if (m && table && PINYIN_TABLES[table] === m[2]) found.set(c, { key: `${m[1]}.name_py`, order: `${m[1]}.name_order` });
    }
    inferred.set(source, found);
  }
  return found.get(col);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(col: ColumnSpec, id: string, value: FilterValue, params: Param[]): string | null {
  if (typeof value === 'boolean') {
    params.push(value ? 1 : 0);
    return `(${col.sql}) = ?`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    params.push(...value);
    return `(${col.sql}) IN (${value.map(() => '?').join(', ')})`;
  }
  if (typeof value === 'object') {
    const parts: string[] = [];
    if (value.min !== undefined) {
      params.push(value.min);
      parts.push(`(${col.sql}) >= ?`);
    }
    if (value.max !== undefined) {
      params.push(value.max);
      parts.push(`(${col.sql}) <= ?`);
    }
    return parts.length ? parts.join(' AND ') : null;
  }
  const s = value.trim();
  if (!s) return null;
  if (col.type === 'enum') {
    params.push(s);
    return `(${col.sql}) = ?`;
  }
  if (col.type === 'number') {
    const n = Number(s);
    if (!Number.isFinite(n)) throw new AppError('VALIDATION', `筛选“${id}”需要填数字`, { field: id });
    params.push(n);
    return `(${col.sql}) = ?`;
  }
  params.push(`%${escapeLike(s)}%`);
  return `(${col.sql}) LIKE ? ESCAPE '\\'`;
}

export function buildWhere(source: ListSource, q: Pick<ListQueryParsed, 'search' | 'filters'>): { sql: string; params: Param[] } {
  const params: Param[] = [];
  const conds: string[] = [];
  if (source.where) conds.push(`(${source.where})`);
  for (const f of q.filters ?? []) {
    const c = filterSql(columnOf(source, f.id, 'filter'), f.id, f.value, params);
    if (c) conds.push(c);
  }
  const search = q.search?.trim();
  if (search) {
    const cols = Object.values(source.columns).filter((c) => c.searchable);
    const typed = pinyinQuery(search);
    const keys = typed ? [...new Set(cols.flatMap((c) => pinyinOf(source, c)?.key ?? []))] : [];
    if (cols.length) {
      const anyOf = cols.map((c) => `CAST(${c.sql} AS TEXT) LIKE ? ESCAPE '\\'`);
      for (let i = 0; i < cols.length; i++) params.push(`%${escapeLike(search)}%`);
      // Pinyin keys hold only lower-case letters, digits and spaces: a plain substring test
      // (instr) does, and scans about twice as fast as LIKE.
      for (const key of keys) {
        anyOf.push(`instr(${key}, ?) > 0`);
        params.push(typed ?? '');
      }
      conds.push(`(${anyOf.join(' OR ')})`);
    }
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export function buildOrder(source: ListSource, sort: ListQueryParsed['sort']): string {
  const parts = (sort ?? []).map((s) => {
    const col = columnOf(source, s.id, 'sort');
    // A name sorts by its pinyin, as clerks expect (阿 … 张 … 周), not by code point.
    return `(${pinyinOf(source, col)?.order ?? col.sql}) ${s.desc ? 'DESC' : 'ASC'}`;
  });
  parts.push(source.defaultOrder);
  return `ORDER BY ${parts.join(', ')}`;
}

/** One page of rows plus the total matching the filters. `select` lists the output columns. */
export function runList<Row>(
  db: Db,
  source: ListSource,
  select: string,
  q: ListQueryParsed,
  mapRow: (raw: Record<string, unknown>) => Row,
  named?: Record<string, string | number>,
): Page<Row> {
  const where = buildWhere(source, q);
  // Named parameters (e.g. @asOf in column expressions) ride along with the positional ones.
  const extra = named ? [named] : [];
  const total = Number(
    db
      .prepare(`SELECT count(*) FROM ${source.from} ${where.sql}`)
      .pluck()
      .get(...where.params, ...extra),
  );
  const rows = db
    .prepare(`SELECT ${select} FROM ${source.from} ${where.sql} ${buildOrder(source, q.sort)} LIMIT ? OFFSET ?`)
    .all(...where.params, q.limit, q.offset, ...extra) as Record<string, unknown>[];
  return { rows: rows.map(mapRow), total };
}

/** Every row of the filtered, sorted view, streamed for exports. */
export function iterateList(
  db: Db,
  source: ListSource,
  select: string,
  q: Pick<ListQueryParsed, 'search' | 'filters' | 'sort'>,
  named?: Record<string, string | number>,
): IterableIterator<Record<string, unknown>> {
  const where = buildWhere(source, q);
  return db
    .prepare(`SELECT ${select} FROM ${source.from} ${where.sql} ${buildOrder(source, q.sort)}`)
    .iterate(...where.params, ...(named ? [named] : [])) as IterableIterator<Record<string, unknown>>;
}
