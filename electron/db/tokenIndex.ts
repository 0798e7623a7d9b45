/**
 * The token indexes of migration 13 (`<table>_tokens`, FTS5) during a bulk write. Their insert
 * triggers write one row's tokens per INSERT, and FTS5 flushes its pending terms at the
 * statement savepoint each such INSERT opens: a small index segment per row, merged again and
 * again (10,000 people through the trigger cost about three times the same rows indexed by one
 * statement, measured in CPU time). A bulk writer (commitImport) instead runs its writes
 * inside `deferTokens`: the insert triggers of this connection stand back (the SQL function
 * pinyin_tokens_now() says 0), and the rows added are indexed afterwards by one statement per
 * table, in the same transaction. Every other writer — forms, the CLI, plain SQL — keeps the
 * triggers, so the index never misses a row.
 */
import type { Db } from './open';

/** Connections inside deferTokens. */
const heldBack = new WeakSet<Db>();

export function tokensHeldBack(db: Db): boolean {
  return heldBack.has(db);
}

/** Each token index's columns and what they hold (as migration 13 built them). */
const SOURCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  villages: { name: 'pinyin_tokens(name)', note: 'latin_tokens(note)' },
  clinics: {
    name: 'pinyin_tokens(name)',
    code: 'latin_tokens(code)',
    address: 'latin_tokens(address)',
    note: 'latin_tokens(note)',
    head_name: 'latin_tokens(head_name)',
  },
  people: { name: 'pinyin_tokens(name)', id_number: 'latin_tokens(id_number)', phone: 'latin_tokens(phone)' },
  assets: { name: 'pinyin_tokens(name)', code: 'latin_tokens(code)' },
  drugs: {
    name: "pinyin_tokens(generic_name) || ' ' || pinyin_tokens(trade_name)",
    platform_code: 'latin_tokens(platform_code)',
    national_code: 'latin_tokens(national_code)',
    maker: 'latin_tokens(maker)',
    vbp_batch: 'latin_tokens(vbp_batch)',
  },
};

/**
 * Runs a bulk write (inside the caller's transaction) with the token triggers held back, then
 * indexes the rows it added: those above each table's highest id before, not indexed already
 * (a row renamed during the write was indexed by the update trigger).
 */
export function deferTokens<T>(db: Db, write: () => T): T {
  if (heldBack.has(db)) return write();
  const tables = Object.keys(SOURCES);
  const before = new Map(tables.map((t) => [t, Number(db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get())]));
  heldBack.add(db);
  let result: T;
  try {
    result = write();
  } finally {
    heldBack.delete(db);
  }
  for (const [table, columns] of Object.entries(SOURCES)) {
    const tok = `${table}_tokens`;
    db.prepare(
      `INSERT INTO ${tok} (rowid, ${Object.keys(columns).join(', ')})
       SELECT id, ${Object.values(columns).join(', ')} FROM ${table}
       WHERE id > @from AND id NOT IN (SELECT rowid FROM ${tok} WHERE rowid > @from)`,
    ).run({ from: before.get(table) ?? 0 });
  }
  return result;
}
