import type { Migration } from './types';

/**
 * Issue 12: pinyin search on a 100,000-row list within 20 ms. Migration 11's search key was
 * tested by a substring scan of every row (73–108 ms on 100,000 villages); this migration gives
 * each named table a token index searched by prefix instead:
 *
 * - `<table>_tokens`, an FTS5 table (rowid = the row's id): column `name` holds the name's tokens
 *   (electron/db/pinyin.ts pinyinTokens: full pinyin and initials from each syllable on, every
 *   reading), the other columns the letter runs of the row's other searched text (codes, notes,
 *   ID numbers), with prefix indexes for the short texts a clerk types first (z, zz, zzc);
 *   db/listQuery.ts looks a typed text up as `{name note} : "zzc"*`.
 *
 * And the keys become part of the insert instead of a second write (roster import, bench (d)):
 * migration 11's insert trigger updated the row just written, always. Now a writer may pass
 * name_py / name_order in its INSERT; the trigger still checks them against the name and writes
 * them only when they are missing or wrong, so every write path — plain SQL included — keeps
 * correct keys, enforced by the database. An UPDATE that changes the name or touches the keys is
 * checked the same way. The tokens are written by their own triggers on insert, on a change of an
 * indexed column and on delete; a bulk writer may hold the insert trigger back and index its new
 * rows in one statement at its end (db/tokenIndex.ts: FTS5 flushes at every statement, so one
 * trigger write per imported row cost more than the row).
 */

interface Named {
  table: string;
  /** The keys' SQL, with `row` the prefix of the columns ('' in the backfill, 'NEW.' in triggers). */
  key: (row: string) => string;
  order: (row: string) => string;
  /** Columns whose change recomputes the keys. */
  named: string[];
  /** The name's pinyin tokens (the index's `name` column). */
  tokens: (row: string) => string;
  /**
   * The row's other text columns a list searches (by LIKE), indexed by the letter runs they hold
   * (pinyin.ts latinTokens), so a typed hy07 finds code HY07 without a scan either.
   */
  text: string[];
}

const byName = (table: string, text: string[]): Named => ({
  table,
  named: ['name'],
  key: (r) => `pinyin_search_key(${r}name)`,
  order: (r) => `pinyin_sort_key(${r}name)`,
  tokens: (r) => `pinyin_tokens(${r}name)`,
  text,
});

const NAMED: readonly Named[] = [
  byName('villages', ['note']),
  byName('clinics', ['code', 'address', 'note', 'head_name']),
  byName('people', ['id_number', 'phone']),
  byName('assets', ['code']),
  {
    // As in migration 11: found by its generic and its trade name, sorted by the generic one.
    table: 'drugs',
    named: ['generic_name', 'trade_name'],
    key: (r) => `pinyin_search_key(${r}generic_name) || ' ' || pinyin_search_key(${r}trade_name)`,
    order: (r) => `pinyin_sort_key(${r}generic_name)`,
    tokens: (r) => `pinyin_tokens(${r}generic_name) || ' ' || pinyin_tokens(${r}trade_name)`,
    text: ['platform_code', 'national_code', 'maker', 'vbp_batch'],
  },
];

function sqlFor({ table, named, key, order, tokens, text }: Named): string {
  const tok = `${table}_tokens`;
  const wrongKeys = `NEW.name_py IS NOT ${key('NEW.')} OR NEW.name_order IS NOT ${order('NEW.')}`;
  const setKeys = `UPDATE ${table} SET name_py = ${key('NEW.')}, name_order = ${order('NEW.')} WHERE id = NEW.id;`;
  const values = (r: string) => [tokens(r), ...text.map((c) => `latin_tokens(${r}${c})`)].join(', ');
  const columns = ['name', ...text].join(', ');
  const watched = [...named, ...text];
  return `
    DROP TRIGGER ${table}_pinyin_insert;
    DROP TRIGGER ${table}_pinyin_update;
    CREATE VIRTUAL TABLE ${tok} USING fts5(${columns}, detail = column, prefix = '1 2 3');
    INSERT INTO ${tok} (rowid, ${columns}) SELECT id, ${values('')} FROM ${table};
    -- The keys: written only when the INSERT did not bring them right.
    CREATE TRIGGER ${table}_pinyin_insert AFTER INSERT ON ${table} WHEN ${wrongKeys}
    BEGIN ${setKeys} END;
    CREATE TRIGGER ${table}_pinyin_update AFTER UPDATE OF ${[...named, 'name_py', 'name_order'].join(', ')} ON ${table}
    WHEN ${wrongKeys}
    BEGIN ${setKeys} END;
    -- The tokens.
    -- pinyin_tokens_now() is 0 only inside a bulk writer that indexes its rows itself (db/tokenIndex.ts).
    CREATE TRIGGER ${table}_tokens_insert AFTER INSERT ON ${table} WHEN pinyin_tokens_now()
    BEGIN INSERT INTO ${tok} (rowid, ${columns}) VALUES (NEW.id, ${values('NEW.')}); END;
    CREATE TRIGGER ${table}_tokens_update AFTER UPDATE OF ${watched.join(', ')} ON ${table}
    WHEN ${watched.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
    BEGIN
      DELETE FROM ${tok} WHERE rowid = OLD.id;
      INSERT INTO ${tok} (rowid, ${columns}) VALUES (NEW.id, ${values('NEW.')});
    END;
    CREATE TRIGGER ${table}_tokens_delete AFTER DELETE ON ${table}
    BEGIN DELETE FROM ${tok} WHERE rowid = OLD.id; END;
  `;
}

export const m0013: Migration = {
  version: 13,
  name: 'pinyin-tokens',
  up(db) {
    for (const t of NAMED) db.exec(sqlFor(t));
  },
};
