/**
 * Migration 10 (supervision) on a real file: the CHECKs (points in tenths, month formats, veto
 * items without points), a score within [0, max] of its visit's template (P6), templates in use
 * never edited (P6), locked quarters refusing writes (P4) with the two documented ways through —
 * a correction row that opens exactly one write, and a finding's follow-up — and corrections
 * that can never be changed.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addClinic } from '../helpers/people';
import { openSession } from '../helpers/tempDb';

const NOW = '2026-04-01T00:00:00Z';

async function setUp() {
  const s = await openSession();
  const db = s.db;
  const clinic = await addClinic(s, '东村', 1200, 'C001');
  const template = (version: number, from: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO supervision_templates (version, name, effective_from, base_total_tenths, bonus_cap_tenths, loaded_at)
           VALUES (?, '考核细则', ?, 1000, 150, ?)`,
        )
        .run(version, from, NOW).lastInsertRowid,
    );
  const t1 = template(1, '2026-01');
  const group = Number(
    db
      .prepare(
        `INSERT INTO supervision_items (template_id, kind, position, content, stated_tenths) VALUES (?, 'group', 1, '人员在岗', 100)`,
      )
      .run(t1).lastInsertRowid,
  );
  const item = (position: number, max: number, veto = 0) =>
    Number(
      db
        .prepare(
          `INSERT INTO supervision_items (template_id, parent_id, kind, position, content, max_tenths, is_veto)
           VALUES (?, ?, 'item', ?, ?, ?, ?)`,
        )
        .run(t1, group, position, `第${position}项`, max, veto).lastInsertRowid,
    );
  const halfPoint = item(2, 5);
  const tenPoints = item(3, 100);
  const veto = item(4, 0, 1);
  const visit = (month: string) =>
    Number(
      db
        .prepare(`INSERT INTO visits (clinic_id, month, visited_on, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(clinic, month, `${month}-10`, t1, NOW, NOW).lastInsertRowid,
    );
  return { s, db, clinic, t1, template, group, halfPoint, tenPoints, veto, visit };
}

const score = (
  db: Database.Database,
  visitId: number,
  itemId: number,
  tenths: number | null,
  vetoed = 0,
  correctionId: number | null = null,
) =>
  db
    .prepare('INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed, correction_id) VALUES (?, ?, ?, ?, ?)')
    .run(visitId, itemId, tenths, vetoed, correctionId);

const correction = (db: Database.Database, entity: string, entityId: number | null, visitId: number | null, reason = '县复核发现错记') =>
  Number(
    db
      .prepare(
        `INSERT INTO corrections (entity, entity_id, visit_id, field, old_value, new_value, reason, at, by)
         VALUES (?, ?, ?, 'score_tenths', '50', '40', ?, ?, '管理员')`,
      )
      .run(entity, entityId, visitId, reason, NOW).lastInsertRowid,
  );

describe('supervision schema (migration 10)', () => {
  it('checks months, quarters, points and veto items in the tables themselves', async () => {
    const { db, t1, group, clinic } = await setUp();
    expect(() => db.prepare("UPDATE supervision_templates SET effective_from = '2026-1' WHERE id = ?").run(t1)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO supervision_items (template_id, parent_id, kind, position, content, max_tenths, is_veto) VALUES (?, ?, 'item', 9, '否决', 20, 1)",
        )
        .run(t1, group),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO quarter_locks (quarter, locked_at) VALUES ('2026Q5', ?)").run(NOW)).toThrow(/CHECK/);
    // P2: one visit per clinic and month, dated inside its month.
    expect(() =>
      db
        .prepare(
          "INSERT INTO visits (clinic_id, month, visited_on, template_id, created_at, updated_at) VALUES (?, '2026-03', '2026-04-02', ?, ?, ?)",
        )
        .run(clinic, t1, NOW, NOW),
    ).toThrow(/CHECK/);
    // P1: a signed letter names both signers.
    expect(() =>
      db
        .prepare(
          "INSERT INTO responsibility_letters (clinic_id, year, signed_on, created_at, updated_at) VALUES (?, 2026, '2026-01-10', ?, ?)",
        )
        .run(clinic, NOW, NOW),
    ).toThrow(/CHECK/);
    // P7: a failed clinic gets nothing from the pool.
    const alloc = db
      .prepare(
        "INSERT INTO allocations (quarter, fund_name, pool_fen, basis, created_at) VALUES ('2026Q1', '绩效考核资金', 100000, 'population', ?)",
      )
      .run(NOW).lastInsertRowid;
    expect(() =>
      db
        .prepare(
          'INSERT INTO allocation_lines (allocation_id, clinic_id, score_tenths, passed, weight, amount_fen) VALUES (?, ?, 550, 0, 1200, 10)',
        )
        .run(alloc, clinic),
    ).toThrow(/CHECK/);
  });

  it('keeps a score within [0, the item maximum] and to the visit template (P6)', async () => {
    const { db, halfPoint, tenPoints, veto, visit, template } = await setUp();
    const v = visit('2026-02');
    score(db, v, halfPoint, 5);
    expect(() => score(db, v, tenPoints, 101)).toThrow('得分超过该项的满分');
    expect(() => score(db, v, tenPoints, -1)).toThrow(/CHECK/);
    expect(() => score(db, v, tenPoints, 0, 1)).toThrow('只有一票否决项可以标记为否决');
    score(db, v, veto, null, 1);
    const other = template(2, '2026-07');
    const foreign = Number(
      db
        .prepare("INSERT INTO supervision_items (template_id, kind, position, content, max_tenths) VALUES (?, 'item', 1, '别的版本', 50)")
        .run(other).lastInsertRowid,
    );
    expect(() => score(db, v, foreign, 10)).toThrow('评分项目不属于本次督导所用的考核细则');
    expect(() => db.prepare('UPDATE visit_scores SET score_tenths = 6 WHERE visit_id = ? AND item_id = ?').run(v, halfPoint)).toThrow(
      '得分超过该项的满分',
    );
  });

  it('never edits a template in use; an unused one may still be changed (P6)', async () => {
    const { db, t1, group, halfPoint, visit, template } = await setUp();
    const t2 = template(2, '2026-07');
    db.prepare("UPDATE supervision_templates SET name = '考核细则（修订）' WHERE id = ?").run(t2);
    visit('2026-02');
    const inUse = '该版考核细则已用于督导评分';
    expect(() => db.prepare("UPDATE supervision_items SET content = '改' WHERE id = ?").run(halfPoint)).toThrow(inUse);
    expect(() => db.prepare('DELETE FROM supervision_items WHERE id = ?').run(halfPoint)).toThrow(inUse);
    expect(() =>
      db
        .prepare(
          "INSERT INTO supervision_items (template_id, parent_id, kind, position, content, max_tenths) VALUES (?, ?, 'item', 20, '新增', 10)",
        )
        .run(t1, group),
    ).toThrow(inUse);
    expect(() => db.prepare("UPDATE supervision_templates SET effective_from = '2025-12' WHERE id = ?").run(t1)).toThrow(inUse);
    expect(() => db.prepare('DELETE FROM supervision_templates WHERE id = ?').run(t1)).toThrow(inUse);
  });

  it('refuses every write to a locked quarter unless a fresh correction opens it, keeping the original (P4)', async () => {
    const { db, halfPoint, tenPoints, veto, visit } = await setUp();
    const march = visit('2026-03');
    const april = visit('2026-04');
    score(db, march, tenPoints, 50);
    db.prepare("INSERT INTO quarter_locks (quarter, locked_at, locked_by) VALUES ('2026Q1', ?, '管理员')").run(NOW);
    const locked = '该季度的考核已锁定';
    const scoreRow = () =>
      db
        .prepare('SELECT id, score_tenths AS s, correction_id AS c FROM visit_scores WHERE visit_id = ? AND item_id = ?')
        .get(march, tenPoints) as {
        id: number;
        s: number;
        c: number | null;
      };

    expect(() => db.prepare('UPDATE visit_scores SET score_tenths = 40 WHERE id = ?').run(scoreRow().id)).toThrow(locked);
    expect(() => db.prepare('DELETE FROM visit_scores WHERE id = ?').run(scoreRow().id)).toThrow(locked);
    expect(() => score(db, march, halfPoint, 5)).toThrow(locked);
    expect(() => db.prepare('UPDATE visits SET total_tenths = 40 WHERE id = ?').run(march)).toThrow(locked);
    expect(() => db.prepare('DELETE FROM visits WHERE id = ?').run(march)).toThrow(locked);
    expect(() =>
      db.prepare("INSERT INTO findings (visit_id, text, created_at, updated_at) VALUES (?, '药品过期', ?, ?)").run(march, NOW, NOW),
    ).toThrow(locked);
    // Moving an open month's visit into the locked quarter is a write to it too.
    expect(() => db.prepare("UPDATE visits SET month = '2026-03', visited_on = '2026-03-30' WHERE id = ?").run(april)).toThrow(locked);
    // The next quarter is open.
    score(db, april, tenPoints, 80);

    // A correction row of another row, or an empty reason, opens nothing.
    const elsewhere = correction(db, 'visit_scores', scoreRow().id + 1000, march);
    expect(() =>
      db.prepare('UPDATE visit_scores SET score_tenths = 40, correction_id = ? WHERE id = ?').run(elsewhere, scoreRow().id),
    ).toThrow(locked);
    expect(() => correction(db, 'visit_scores', scoreRow().id, march, '  ')).toThrow(/CHECK/);

    const fix = correction(db, 'visit_scores', scoreRow().id, march);
    db.prepare('UPDATE visit_scores SET score_tenths = 40, correction_id = ? WHERE id = ?').run(fix, scoreRow().id);
    expect(scoreRow()).toMatchObject({ s: 40, c: fix });
    // The same correction cannot be replayed for a second change.
    expect(() => db.prepare('UPDATE visit_scores SET score_tenths = 50, correction_id = ? WHERE id = ?').run(fix, scoreRow().id)).toThrow(
      locked,
    );
    // The original stays beside the change, and the correction itself is never changed or removed.
    expect(db.prepare('SELECT old_value, new_value, reason FROM corrections WHERE id = ?').get(fix)).toEqual({
      old_value: '50',
      new_value: '40',
      reason: '县复核发现错记',
    });
    expect(() => db.prepare("UPDATE corrections SET old_value = '40' WHERE id = ?").run(fix)).toThrow('更正记录不能修改');
    expect(() => db.prepare('DELETE FROM corrections WHERE id = ?').run(fix)).toThrow('更正记录不能删除');

    // A missing score row enters a locked quarter through an insert correction, used once.
    const add = correction(db, 'visit_scores', null, march);
    score(db, march, halfPoint, 5, 0, add);
    expect(() => score(db, march, veto, null, 1, add)).toThrow(locked);
    // The lock itself cannot be lifted.
    expect(() => db.prepare("DELETE FROM quarter_locks WHERE quarter = '2026Q1'").run()).toThrow('不能解锁');
  });

  it('lets a locked finding receive its rectification and re-check, but not change what was found (P4, P8)', async () => {
    const { db, visit } = await setUp();
    const march = visit('2026-03');
    const april = visit('2026-04');
    const finding = Number(
      db
        .prepare(
          "INSERT INTO findings (visit_id, text, owner, due_on, created_at, updated_at) VALUES (?, '过期药品未下架', '张医生', '2026-04-15', ?, ?)",
        )
        .run(march, NOW, NOW).lastInsertRowid,
    );
    db.prepare("INSERT INTO quarter_locks (quarter, locked_at) VALUES ('2026Q1', ?)").run(NOW);
    db.prepare(
      "UPDATE findings SET rectified_on = '2026-04-12', recheck_visit_id = ?, recheck_result = '已下架', status = 'rectified', updated_at = ? WHERE id = ?",
    ).run(april, NOW, finding);
    expect(db.prepare('SELECT status, text FROM findings WHERE id = ?').get(finding)).toEqual({
      status: 'rectified',
      text: '过期药品未下架',
    });
    expect(() => db.prepare("UPDATE findings SET text = '没有问题' WHERE id = ?").run(finding)).toThrow('该季度的考核已锁定');
    expect(() => db.prepare("UPDATE findings SET due_on = '2026-05-30' WHERE id = ?").run(finding)).toThrow('该季度的考核已锁定');
  });
});
