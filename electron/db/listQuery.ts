/**
 * Turns a list query from the grid (search, column filters, sort, page) into SQL over a
 * whitelist of columns, so large lists sort, filter and page inside SQLite. Column ids that
 * are not in the whitelist are refused with a Chinese message rather than ignored.
 */
import type { FilterValue, ListQueryParsed, Page } from '../../shared/schemas/common';
import { AppError } from './errors';
import type { Db } from './open';
import { pinyinMatch, pinyinQuery } from './pinyin';

interface ColumnSpec {
  /** SQL expression selecting the value, e.g. `v.name`. */
  sql: string;
  type: 'text' | 'number' | 'bool' | 'enum' | 'date';
  /** Whether the toolbar search looks in this column. */
  searchable?: boolean;
  /**
   * The pinyin of a name column: `tokens`, the table's token index (migration 13; its `name`
   * column) and `id`, the row's id it is keyed by, so a typed zq, zhuang or zhangzhuang finds
   * 张庄村 by a prefix lookup; `order`, the stored sort key (migration 11), so sorting by the
   * column is by pinyin. E.g. `{ tokens: 'villages_tokens', id: 'v.id', order: 'v.name_order' }`.
   * A plain `alias.name` column of a table that has them gets them without saying so
   * (inferredOf below), so new lists need nothing.
   */
  pinyin?: { tokens: string; id: string; order: string };
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
/**
 * The columns of each table's token index (migration 13, `<table>_tokens`) by the table column
 * they index: `name` holds the name's pinyin tokens (drugs: generic and trade name), the others
 * the letter runs of that text column.
 */
const INDEXED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  villages: { name: 'name', note: 'note' },
  clinics: { name: 'name', code: 'code', address: 'address', note: 'note', head_name: 'head_name' },
  people: { name: 'name', id_number: 'id_number', phone: 'phone' },
  assets: { name: 'name', code: 'code' },
  drugs: {
    generic_name: 'name',
    trade_name: 'name',
    platform_code: 'platform_code',
    national_code: 'national_code',
    maker: 'maker',
    vbp_batch: 'vbp_batch',
  },
};
const TABLE_ALIAS = /(?:^|\bJOIN\s+|,\s*)(villages|clinics|people|assets|drugs)\s+(?:AS\s+)?(\w+)/gi;

/** Where a plain column of a named table is found in that table's token index. */
interface Indexed {
  /** The index table and the row id it is keyed by (`villages_tokens`, `v.id`). */
  tokens: string;
  id: string;
  /** The index column, and whether it holds pinyin tokens (`name`) or letter runs. */
  column: string;
  pinyin: boolean;
}
interface Inferred {
  pinyin?: ColumnSpec['pinyin'];
  indexed?: Indexed;
}
const inferred = new WeakMap<ListSource, Map<ColumnSpec, Inferred>>();

/**
 * What a column of the source is, found once per source: a plain `alias.column` whose alias the
 * FROM names as one of the named tables (villages v, JOIN drugs d …) is in that table's token
 * index if INDEXED lists it, and its name column also has the pinyin sort key.
 */
function inferredOf(source: ListSource, col: ColumnSpec): Inferred {
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
      const [alias, column] = [m?.[1] ?? '', m?.[2] ?? ''];
      const table = m ? aliases.get(alias) : undefined;
      if (!table) continue;
      const info: Inferred = {};
      const at = INDEXED[table]?.[column];
      if (at) info.indexed = { tokens: `${table}_tokens`, id: `${alias}.id`, column: at, pinyin: at === 'name' };
      if (PINYIN_TABLES[table] === column) info.pinyin = { tokens: `${table}_tokens`, id: `${alias}.id`, order: `${alias}.name_order` };
      found.set(c, info);
    }
    inferred.set(source, found);
  }
  return found.get(col) ?? {};
}

/** A column's pinyin keys: given, or inferred (inferredOf). */
function pinyinOf(source: ListSource, col: ColumnSpec): ColumnSpec['pinyin'] {
  return col.pinyin ?? inferredOf(source, col).pinyin;
}

/** Where a searched column is found in a token index, if it is. */
function indexedOf(source: ListSource, col: ColumnSpec): Indexed | undefined {
  if (col.pinyin) return { tokens: col.pinyin.tokens, id: col.pinyin.id, column: 'name', pinyin: true };
  return inferredOf(source, col).indexed;
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

/**
 * The toolbar search: any searchable column holding the text (LIKE, characters as typed). Letters
 * and digits typed (pinyinQuery) are looked up in the named tables' token indexes instead, by
 * prefix, without a scan (issue 12: < 20 ms on 100,000 rows):
 * - a name column by its pinyin tokens, which start at every character of the name (each non-Han
 *   one read as itself), so they find everything its LIKE found, and the pinyin besides;
 * - another indexed text column (code, note, ID number) by its letter runs — exactly the rows
 *   its LIKE finds, when the text is letters and digits only (with a space or ' typed, LIKE);
 * - a column computed by a subquery (the villages a clinic serves, a village's clinics: names of
 *   other rows, found by pinyin in their own lists) is then not searched: its LIKE would scan
 *   every row, and could only have found letters inside those names.
 * Everything else keeps its LIKE.
 */
function searchSql(source: ListSource, cols: readonly ColumnSpec[], search: string, params: Param[]): string | null {
  const typed = pinyinQuery(search);
  const exactLetters = /^[A-Za-z][A-Za-z0-9]*$/.test(search);
  const lookups = new Map<string, { id: string; columns: Set<string> }>();
  const likes: ColumnSpec[] = [];
  for (const c of cols) {
    const at = typed ? indexedOf(source, c) : undefined;
    if (at && (at.pinyin || exactLetters)) {
      const lookup = lookups.get(at.tokens) ?? { id: at.id, columns: new Set<string>() };
      lookup.columns.add(at.column);
      lookups.set(at.tokens, lookup);
    } else likes.push(c);
  }
  const anyOf: string[] = [];
  for (const [tokens, { id, columns }] of lookups) {
    anyOf.push(`${id} IN (SELECT rowid FROM ${tokens} WHERE ${tokens} MATCH ?)`);
    params.push(pinyinMatch(typed ?? '', [...columns]));
  }
  for (const c of likes) {
    if (lookups.size > 0 && /\bSELECT\b/i.test(c.sql)) continue;
    anyOf.push(`CAST(${c.sql} AS TEXT) LIKE ? ESCAPE '\\'`);
    params.push(`%${escapeLike(search)}%`);
  }
  return anyOf.length ? `(${anyOf.join(' OR ')})` : null;
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
    const cond = searchSql(source, cols, search, params);
    if (cond) conds.push(cond);
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
