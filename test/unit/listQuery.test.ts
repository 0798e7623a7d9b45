import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { AppError } from '../../electron/db/errors';
import { buildOrder, buildWhere, runList, type ListSource } from '../../electron/db/listQuery';
import type { Db } from '../../electron/db/open';
import { listQuery, type ListQuery } from '../../shared/schemas/common';
import { tempDir } from '../helpers/tempDb';

const source: ListSource = {
  from: 'items i',
  defaultOrder: 'i.id',
  columns: {
    name: { sql: 'i.name', type: 'text', searchable: true },
    note: { sql: 'i.note', type: 'text', searchable: true },
    kind: { sql: 'i.kind', type: 'enum' },
    qty: { sql: 'i.qty', type: 'number' },
    active: { sql: 'i.active', type: 'bool' },
  },
};

const rows: [string, string, string, number, number][] = [
  ['50%', '', 'a', 50, 1],
  ['5000', '', 'b', 5000, 0],
  ['a_b', '', 'a', 7, 1],
  ['axb', 'has 50% off', 'b', 8, 0],
  ['back\\slash', '', 'c', 9, 1],
  ['Alpha', '', 'c', 7, 1],
];

let db: Db;
beforeEach(() => {
  db = new Database(path.join(tempDir(), 'list.sqlite'));
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, note TEXT, kind TEXT, qty INTEGER, active INTEGER) STRICT');
  const ins = db.prepare('INSERT INTO items (name, note, kind, qty, active) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) ins.run(...r);
});
afterEach(() => db.close());

function names(q: ListQuery): string[] {
  return runList(db, source, 'i.name', listQuery.parse(q), (r) => String(r.name)).rows;
}

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('search and LIKE escaping', () => {
  it('treats % and _ in the search as literal characters', () => {
    expect(names({ search: '%' })).toEqual(['50%', 'axb']);
    expect(names({ search: '_' })).toEqual(['a_b']);
    expect(names({ search: '50%' })).toEqual(['50%', 'axb']);
  });

  it('escapes the escape character itself', () => {
    expect(names({ search: '\\' })).toEqual(['back\\slash']);
    const w = buildWhere(source, { search: 'a%_\\' });
    expect(w.params).toEqual(['%a\\%\\_\\\\%', '%a\\%\\_\\\\%']);
  });

  it('searches every searchable column, trims, and ignores a blank search', () => {
    expect(names({ search: ' 50 ' })).toEqual(['50%', '5000', 'axb']);
    expect(names({ search: '   ' })).toHaveLength(rows.length);
    expect(buildWhere(source, { search: '  ' }).sql).toBe('');
  });

  it('escapes a text filter the same way', () => {
    expect(names({ filters: [{ id: 'name', value: '_' }] })).toEqual(['a_b']);
    expect(names({ filters: [{ id: 'name', value: 'ALPHA' }] })).toEqual(['Alpha']);
  });
});

describe('filters of each type', () => {
  it('bool compares with 1/0', () => {
    expect(names({ filters: [{ id: 'active', value: false }] })).toEqual(['5000', 'axb']);
  });

  it('enum compares exactly, a list means any of', () => {
    expect(names({ filters: [{ id: 'kind', value: 'c' }] })).toEqual(['back\\slash', 'Alpha']);
    expect(names({ filters: [{ id: 'kind', value: ['a', 'c'] }] })).toEqual(['50%', 'a_b', 'back\\slash', 'Alpha']);
  });

  it('number takes an exact value or a range', () => {
    expect(names({ filters: [{ id: 'qty', value: '7' }] })).toEqual(['a_b', 'Alpha']);
    expect(names({ filters: [{ id: 'qty', value: { min: 8, max: 50 } }] })).toEqual(['50%', 'axb', 'back\\slash']);
    expect(names({ filters: [{ id: 'qty', value: { min: 100 } }] })).toEqual(['5000']);
    expect(names({ filters: [{ id: 'qty', value: { max: 7 } }] })).toEqual(['a_b', 'Alpha']);
  });

  it('refuses a non-numeric value for a number column', () => {
    const e = refused(() => buildWhere(source, { filters: [{ id: 'qty', value: 'abc' }] }));
    expect(e.code).toBe('VALIDATION');
    expect(e.toBody().field).toBe('qty');
  });

  it('combines filters with AND, and ignores empty ones', () => {
    expect(
      names({
        filters: [
          { id: 'kind', value: 'a' },
          { id: 'active', value: true },
          { id: 'qty', value: '7' },
        ],
      }),
    ).toEqual(['a_b']);
    const w = buildWhere(source, {
      filters: [
        { id: 'kind', value: [] },
        { id: 'name', value: ' ' },
        { id: 'qty', value: {} },
      ],
    });
    expect(w).toEqual({ sql: '', params: [] });
  });

  it('always applies the source condition', () => {
    const withWhere: ListSource = { ...source, where: 'i.active = 1' };
    const w = buildWhere(withWhere, {});
    expect(w.sql).toBe('WHERE (i.active = 1)');
  });

  it('refuses an unknown column with an AppError naming it, and never puts it in SQL', () => {
    const e = refused(() => buildWhere(source, { filters: [{ id: 'id; DROP TABLE items', value: 'x' }] }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toContain('id; DROP TABLE items');
    expect(Number(db.prepare('SELECT count(*) FROM items').pluck().get())).toBe(rows.length);
  });
});

describe('sorting and paging', () => {
  it('sorts by the asked columns, then by the default order', () => {
    expect(names({ sort: [{ id: 'qty', desc: true }] })).toEqual(['5000', '50%', 'back\\slash', 'axb', 'a_b', 'Alpha']);
    expect(
      names({
        sort: [
          { id: 'kind', desc: false },
          { id: 'qty', desc: false },
        ],
      }),
    ).toEqual(['a_b', '50%', 'axb', '5000', 'Alpha', 'back\\slash']);
    expect(buildOrder(source, [])).toBe('ORDER BY i.id');
  });

  it('refuses an unknown sort column', () => {
    const e = refused(() => buildOrder(source, [{ id: 'secret', desc: false }]));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.toBody().field).toBe('secret');
  });

  it('pages with offset and limit and reports the total of the whole match', () => {
    const page = runList(db, source, 'i.name', listQuery.parse({ offset: 2, limit: 3 }), (r) => String(r.name));
    expect(page).toEqual({ rows: ['a_b', 'axb', 'back\\slash'], total: rows.length });
    const filtered = runList(db, source, 'i.name', listQuery.parse({ filters: [{ id: 'kind', value: 'a' }], offset: 1, limit: 5 }), (r) =>
      String(r.name),
    );
    expect(filtered).toEqual({ rows: ['a_b'], total: 2 });
  });
});
