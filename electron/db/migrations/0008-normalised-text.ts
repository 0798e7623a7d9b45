import type Database from 'better-sqlite3';
import { cleanText } from '../../../shared/text';
import type { Migration } from './types';

/**
 * Issue 9 point 5: text typed before it was cleaned on input (shared/text.ts cleanText) may hold
 * zero-width, format or control characters, other spaces or a decomposed (NFD) form, so a stored
 * 测试村+U+200B never equals a newly typed 测试村 — the duplicate checks and the import's matching
 * by name compare exactly. This migration cleans the stored text once, the way input is now
 * cleaned, so stored and typed text compare equal again. It refuses nothing:
 *
 * - Lone surrogates cannot be in the file: better-sqlite3 wrote them as U+FFFD, which is kept.
 * - A unique value that becomes equal to another row's is resolved, never an error: a village
 *   keeps its record under a visible name 测试村（重名2）, a clinic's 机构编码 is emptied (a
 *   clinic may have none; 未填机构编码 lists it), a 身份证号 is left as it was. Each is written to
 *   the 操作记录 for the clerk to check, and one row there counts what was cleaned.
 * - Left as written: the 操作记录 and the 变更记录 (what was done, not current data), asset
 *   movements (append-only, guarded by triggers) and closed stocktakes (locked).
 */

type Kind = 'line' | 'multi';
/** What a cleaned unique value does when another row already has it. */
type OnCollision = 'suffix' | 'null' | 'keep';

interface TableText {
  table: string;
  entity: string;
  /** The record's name in messages. */
  nameSql: string;
  /** Text columns typed by the clerk: one line, or kept line breaks (the multi-line boxes). */
  columns: Record<string, Kind>;
  unique?: Record<string, { label: string; onCollision: OnCollision }>;
  where?: string;
}

const TABLES: readonly TableText[] = [
  {
    table: 'villages',
    entity: 'village',
    nameSql: 'name',
    columns: { name: 'line', note: 'multi' },
    unique: { name: { label: '村名', onCollision: 'suffix' } },
  },
  {
    table: 'clinics',
    entity: 'clinic',
    nameSql: 'name',
    columns: { code: 'line', name: 'line', address: 'line', head_name: 'line', closed_reason: 'multi', note: 'multi' },
    unique: { code: { label: '机构编码', onCollision: 'null' } },
  },
  {
    table: 'people',
    entity: 'person',
    nameSql: 'name',
    columns: { name: 'line', id_number: 'line', phone: 'line', ethnicity: 'line', exit_note: 'multi', note: 'multi' },
    unique: { id_number: { label: '身份证号', onCollision: 'keep' } },
  },
  {
    table: 'qualifications',
    entity: 'qualifications',
    nameSql: 'cert_number',
    columns: { cert_number: 'line', scope: 'line', note: 'multi' },
  },
  { table: 'assignments', entity: 'assignments', nameSql: "''", columns: { note: 'multi' } },
  { table: 'employments', entity: 'employments', nameSql: "''", columns: { assessment: 'line', note: 'multi' } },
  { table: 'trainings', entity: 'trainings', nameSql: 'title', columns: { title: 'line', place: 'line' } },
  { table: 'leaves', entity: 'leaves', nameSql: "''", columns: { approver: 'line', reason: 'multi' } },
  { table: 'exit_decisions', entity: 'person', nameSql: "''", columns: { reason: 'multi' } },
  {
    table: 'assets',
    entity: 'asset',
    nameSql: 'name',
    columns: { old_code: 'line', name: 'line', model: 'line', unit: 'line', location: 'line', note: 'multi' },
  },
  { table: 'stocktakes', entity: 'stocktake', nameSql: 'title', columns: { title: 'line' }, where: "status = 'open'" },
  {
    table: 'stocktake_items',
    entity: 'stocktake',
    nameSql: 'name',
    columns: { name: 'line', model: 'line', unit: 'line', note: 'multi' },
    where: "stocktake_id IN (SELECT id FROM stocktakes WHERE status = 'open')",
  },
  // The login is not cleaned: its own rules (letters and digits) keep invisible characters out,
  // and its uniqueness ignores case, which a collision check here would have to repeat.
  { table: 'users', entity: 'user', nameSql: 'login', columns: { display_name: 'line' } },
];

/** The settings that hold typed text (their values are JSON). */
const TEXT_SETTINGS = ['centerName', 'county', 'operatorName', 'reviewerName', 'directorName'];

const ACTOR = '系统（数据升级）';

type Row = Record<string, unknown> & { id: number; _name: unknown };

interface Run {
  db: Database.Database;
  at: string;
  cleaned: number;
}

function note(run: Run, entity: string, entityId: number | null, summary: string): void {
  run.db
    .prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) VALUES (?, ?, 'update', ?, ?, ?)`)
    .run(run.at, ACTOR, entity, entityId, summary);
}

function clean(value: unknown, kind: Kind): unknown {
  return typeof value === 'string' ? cleanText(value, { multiline: kind === 'multi' }) : value;
}

/** Values of a unique column already clean, which keep their place; the rest must find one. */
function takenValues(db: Database.Database, t: TableText, column: string, kind: Kind): Set<string> {
  const taken = new Set<string>();
  for (const v of db.prepare(`SELECT ${column} FROM ${t.table} WHERE ${column} IS NOT NULL`).pluck().all()) {
    if (typeof v === 'string' && clean(v, kind) === v) taken.add(v);
  }
  return taken;
}

/** The cleaned value of a unique column, or what replaces it when another row has it. */
function placeUnique(run: Run, t: TableText, row: Row, column: string, cleaned: string | null, taken: Set<string>): string | null {
  const spec = t.unique?.[column];
  const before = row[column] as string;
  if (!spec || cleaned === null) return cleaned;
  // A code that was nothing but invisible characters is no code (clinics.code may be NULL, not '').
  if (cleaned === '' && spec.onCollision === 'null') return null;
  if (!taken.has(cleaned)) {
    taken.add(cleaned);
    return cleaned;
  }
  const name = String(row._name ?? '');
  const why = `${spec.label}“${cleaned}”与另一条记录相同（原来的写法中含有看不见的字符）`;
  if (spec.onCollision === 'keep') {
    note(run, t.entity, row.id, `数据升级：“${name}”的${why}，未改动；请核对是否重复登记`);
    return before;
  }
  if (spec.onCollision === 'null') {
    note(run, t.entity, row.id, `数据升级：“${name}”的${why}，已清空该${spec.label}；请核对后重新填写`);
    return null;
  }
  let n = 2;
  while (taken.has(`${cleaned}（重名${n}）`)) n++;
  const renamed = `${cleaned}（重名${n}）`;
  taken.add(renamed);
  note(run, t.entity, row.id, `数据升级：${why}，两条都保留，这一条改名为“${renamed}”；请核对是否同一个，再修改名称`);
  return renamed;
}

function cleanTable(run: Run, t: TableText): void {
  const cols = Object.keys(t.columns);
  const taken = new Map<string, Set<string>>();
  for (const c of Object.keys(t.unique ?? {})) taken.set(c, takenValues(run.db, t, c, t.columns[c] ?? 'line'));
  const rows = run.db
    .prepare(`SELECT id, ${t.nameSql} AS _name, ${cols.join(', ')} FROM ${t.table} ${t.where ? `WHERE ${t.where}` : ''} ORDER BY id`)
    .all() as Row[];
  for (const row of rows) {
    const changed: Record<string, unknown> = {};
    for (const c of cols) {
      let v = clean(row[c], t.columns[c] ?? 'line');
      const uniqueTaken = taken.get(c);
      if (v !== row[c] && uniqueTaken) v = placeUnique(run, t, row, c, v as string | null, uniqueTaken);
      if (v !== row[c]) changed[c] = v;
    }
    const keys = Object.keys(changed);
    if (keys.length === 0) continue;
    run.db.prepare(`UPDATE ${t.table} SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...changed, id: row.id });
    run.cleaned++;
  }
}

function cleanSettings(run: Run): void {
  const get = run.db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const set = run.db.prepare('UPDATE settings SET value = ? WHERE key = ?');
  for (const key of TEXT_SETTINGS) {
    const raw = get.get(key);
    if (typeof raw !== 'string') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue; // unreadable: the settings service already falls back to the default
    }
    const cleaned = clean(value, 'line');
    if (cleaned === value) continue;
    set.run(JSON.stringify(cleaned), key);
    run.cleaned++;
  }
}

export const m0008: Migration = {
  version: 8,
  name: 'normalised-text',
  up(db) {
    const run: Run = { db, at: new Date().toISOString(), cleaned: 0 };
    for (const t of TABLES) cleanTable(run, t);
    cleanSettings(run);
    if (run.cleaned > 0) {
      note(
        run,
        'database',
        null,
        `数据升级：${run.cleaned} 条记录的文字中去除了看不见的字符（零宽字符、控制字符等），统一了空格、换行和字符的写法`,
      );
    }
  },
};
