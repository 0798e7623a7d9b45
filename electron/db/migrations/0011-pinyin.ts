import type { Migration } from './types';

/**
 * Issue 12 item 9: names found by pinyin (zq, zhangzhuang → 张庄村) and sorted by pinyin.
 * Each named table gets two stored, indexed columns:
 *
 * - `name_py`, the search key (every reading's full pinyin and initials, electron/db/pinyin.ts);
 * - `name_order`, the sort key (the reading in context, syllable by syllable).
 *
 * Triggers keep them current on every write path — forms, imports, demo seeding, the CLI, and
 * pages still to come — without each remembering to: they call the SQL functions
 * pinyin_search_key / pinyin_sort_key that open.ts registers on every connection before any
 * migration runs. Existing rows are filled here.
 */

interface Named {
  table: string;
  /** Columns whose change recomputes the keys. */
  watched: string[];
  /** The keys' SQL, with `row` the prefix of the columns ('' in the backfill, 'NEW.' in triggers). */
  key: (row: string) => string;
  order: (row: string) => string;
}

const NAMED: readonly Named[] = [
  { table: 'villages', watched: ['name'], key: (r) => `pinyin_search_key(${r}name)`, order: (r) => `pinyin_sort_key(${r}name)` },
  { table: 'clinics', watched: ['name'], key: (r) => `pinyin_search_key(${r}name)`, order: (r) => `pinyin_sort_key(${r}name)` },
  { table: 'people', watched: ['name'], key: (r) => `pinyin_search_key(${r}name)`, order: (r) => `pinyin_sort_key(${r}name)` },
  { table: 'assets', watched: ['name'], key: (r) => `pinyin_search_key(${r}name)`, order: (r) => `pinyin_sort_key(${r}name)` },
  {
    // A drug is searched by its generic and its trade name, sorted by the generic one.
    table: 'drugs',
    watched: ['generic_name', 'trade_name'],
    key: (r) => `pinyin_search_key(${r}generic_name) || ' ' || pinyin_search_key(${r}trade_name)`,
    order: (r) => `pinyin_sort_key(${r}generic_name)`,
  },
];

function sqlFor({ table, watched, key, order }: Named): string {
  const set = (row: string) => `name_py = ${key(row)}, name_order = ${order(row)}`;
  return `
    ALTER TABLE ${table} ADD COLUMN name_py TEXT NOT NULL DEFAULT '';
    ALTER TABLE ${table} ADD COLUMN name_order TEXT NOT NULL DEFAULT '';
    UPDATE ${table} SET ${set('')};
    CREATE INDEX ${table}_name_py ON ${table}(name_py);
    CREATE INDEX ${table}_name_order ON ${table}(name_order);
    CREATE TRIGGER ${table}_pinyin_insert AFTER INSERT ON ${table}
    BEGIN UPDATE ${table} SET ${set('NEW.')} WHERE id = NEW.id; END;
    CREATE TRIGGER ${table}_pinyin_update AFTER UPDATE OF ${watched.join(', ')} ON ${table}
    WHEN ${watched.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
    BEGIN UPDATE ${table} SET ${set('NEW.')} WHERE id = NEW.id; END;
  `;
}

export const m0011: Migration = {
  version: 11,
  name: 'pinyin',
  up(db) {
    for (const t of NAMED) db.exec(sqlFor(t));
  },
};
