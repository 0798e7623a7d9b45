/**
 * Importing the clerk's 乡村医生花名册 into the demo township (issue 3, item 7): a messy
 * workbook (merged title, two-level header, shuffled and unknown columns, every date form) with
 * a person already on file and three bad rows. The preview lists exactly those rows; a refused
 * commit changes nothing at all (every table, audit_log and person_history included); a clean
 * commit creates exactly the expected people, certificates, posts and contracts, and a second
 * import of the same file changes nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/db/errors';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import type { Db } from '../../electron/db/open';
import { dumpDb } from '../helpers/tempDb';
import { countRows, freshDb } from './support';
import { messyRoster, PEOPLE } from './messyRoster';

const CERT_YEAR = '2026';

function idOf(db: Db, name: string): string {
  return String(db.prepare('SELECT id_number FROM people WHERE name = ?').pluck().get(name));
}

const TABLES = ['people', 'qualifications', 'assignments', 'employments', 'person_history', 'audit_log'] as const;

function counts(db: Db): Record<(typeof TABLES)[number], number> {
  const [people, qualifications, assignments, employments, history, audit] = TABLES.map((t) => countRows(db, t)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { people, qualifications, assignments, employments, person_history: history, audit_log: audit };
}

describe('roster import: preview', () => {
  it('finds the header under the title and group rows, and lists unknown columns', async () => {
    const { db, dir } = await freshDb();
    const grid = await readSheetGrid({ file: await messyRoster(path.join(dir, '花名册.xlsx'), idOf(db, '李明'), CERT_YEAR) });
    const p = previewImport(db, 'roster', grid, '2026-03-05');
    expect(p.title).toBe('乡村医生花名册');
    expect(p.headerRow).toBe(4);
    expect(p.unknownColumns).toEqual([
      { column: 'G', header: '年龄' },
      { column: 'V', header: '家庭住址' },
    ]);
    expect(p.columns.find((c) => c.header === '岗位/职务')?.field).toBe('role');
    expect(p.columns.find((c) => c.header === '工作单位')?.field).toBe('clinic');
  });

  it('sorts rows into new people, the matched person and exactly the three bad rows', async () => {
    const { db, dir } = await freshDb();
    const liMing = idOf(db, '李明');
    const p = previewImport(
      db,
      'roster',
      await readSheetGrid({ file: await messyRoster(path.join(dir, '花名册.xlsx'), liMing, CERT_YEAR) }),
      '2026-03-05',
    );
    expect(p.errors.map((e) => e.row)).toEqual([10, 11, 13]);
    expect(p.errors[0]?.message).toBe('第 10 行：“身份证号码”：身份证号校验位不对，请核对每一位数字');
    expect(p.errors[1]).toMatchObject({ columns: ['性别'] });
    expect(p.errors[1]?.message).toContain('性别与身份证号不符（身份证号显示为男）');
    expect(p.errors[2]).toMatchObject({ columns: ['工作单位'] });
    expect(p.errors[2]?.message).toContain('没有名为“幸福村卫生室”的村卫生室');

    expect(p.create.map((r) => r.row)).toEqual([5, 6, 8, 9]);
    expect(p.update.map((r) => [r.row, r.label, r.changes])).toEqual([[7, `李明（${liMing}）`, ['联系电话']]]);
    expect(p.unchanged).toEqual([]);
    // The 合计 row and the signature line (row 12 is empty and never read).
    expect(p.skippedRows).toBe(2);

    const values = Object.fromEntries(p.create.map((r) => [r.row, r.values]));
    // 2019.05.01, 2019/5/1, 199005 and a contract period in one cell.
    expect(values[5]).toMatchObject({
      name: '王小丽',
      birthDate: null,
      education: '大学专科',
      qualKind: 'assistant_physician',
      issuedOn: '2019-05-01',
      ruralWorkStart: '2019-05-01',
    });
    expect(values[5]).toMatchObject({
      employmentKind: 'township_hired',
      establishment: 'spare',
      contractStart: '2023-06-01',
      contractEnd: '2026-05-31',
      pension: true,
      workInjury: true,
      liability: false,
      role: 'doctor',
      postStart: '2023-06-01',
    });
    // 2019年5月1日, 201905 typed as a number, 2023年6月1日至2026年5月31日.
    expect(values[6]).toMatchObject({
      issuedOn: '2019-05-01',
      validUntil: '2029-04-30',
      ruralWorkStart: '2019-05-01',
      contractStart: '2023-06-01',
      contractEnd: '2026-05-31',
      establishment: 'off',
    });
    // A real date cell for the birth date (agreeing with the 身份证号) and the issue date.
    expect(values[8]).toMatchObject({
      birthDate: '1978-02-14',
      issuedOn: '2008-07-01',
      employmentKind: 'self_employed',
      contractStart: '2001-03-01',
      liability: true,
    });
    // 派驻 makes the person center staff (S7).
    expect(values[9]).toMatchObject({
      category: 'center_staff',
      employmentKind: 'dispatched',
      contractStart: '2026-01-01',
      postStart: '2026-01-01',
    });
    expect(p.create[0]?.changes).toEqual([
      '新增资格证书（执业助理医师 ZY2019001）',
      '新增岗位（郑店村卫生室 村医，自 2023年6月1日）',
      '新增聘用（乡聘村用（劳动合同） 2023年6月1日 至 2026年5月31日）',
    ]);
  });
});

describe('roster import from a workbook another program wrote', () => {
  it('reads the LibreOffice-saved fixture the same way', async () => {
    const { db } = await freshDb();
    const fixture = path.resolve(__dirname, '../fixtures/excel/roster-libreoffice.xlsx');
    const p = previewImport(db, 'roster', await readSheetGrid({ file: fixture }), '2026-03-05');
    expect(p.headerRow).toBe(4);
    expect(p.errors.map((e) => e.row)).toEqual([10, 11, 13]);
    expect(p.create.map((r) => r.row)).toEqual([5, 6, 8, 9]);
    expect(p.update.map((r) => [r.row, r.changes])).toEqual([[7, ['联系电话']]]);
    expect(p.unknownColumns.map((c) => c.header)).toEqual(['年龄', '家庭住址']);
    expect(p.create.map((r) => r.values)).toEqual([
      expect.objectContaining({ issuedOn: '2019-05-01', contractEnd: '2026-05-31' }),
      expect.objectContaining({ issuedOn: '2019-05-01', ruralWorkStart: '2019-05-01', validUntil: '2029-04-30' }),
      expect.objectContaining({ birthDate: '1978-02-14', issuedOn: '2008-07-01' }),
      expect.objectContaining({ category: 'center_staff' }),
    ]);
  });
});

describe('roster import: commit', () => {
  it("logs the import in one audit row naming who was created and what changed for whom, and keeps each person's history", async () => {
    const { db, ctx, dir } = await freshDb();
    const liMing = idOf(db, '李明');
    const file = await messyRoster(path.join(dir, '花名册.xlsx'), liMing, CERT_YEAR, false);
    const lastAudit = Number(db.prepare('SELECT max(id) FROM audit_log').pluck().get());
    const lastHistory = Number(db.prepare('SELECT coalesce(max(id), 0) FROM person_history').pluck().get());
    await importWorkbook(ctx, 'roster', { file });

    // One row for the whole import (the per-person and per-record rows the forms write are left to it).
    const rows = db.prepare('SELECT action, entity, entity_id, actor, after FROM audit_log WHERE id > ?').all(lastAudit) as {
      action: string;
      entity: string;
      entity_id: number | null;
      actor: string;
      after: string;
    }[];
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, r.actor])).toEqual([['import', 'person', null, '测试']]);
    expect(JSON.parse(rows[0]?.after ?? '{}')).toEqual({
      created: [`王小丽（${PEOPLE.wang}）`, `赵刚（${PEOPLE.zhao}）`, `孙梅（${PEOPLE.sun}）`, `马骏（${PEOPLE.ma}）`],
      updated: [`李明（${liMing}）：联系电话`],
    });

    // The history as the forms write it: a line per record added, a line per field changed.
    const history = db
      .prepare(
        `SELECT p.name, h.field, h.old_value, h.new_value, h.actor FROM person_history h JOIN people p ON p.id = h.person_id
      WHERE h.id > ? ORDER BY h.id`,
      )
      .all(lastHistory) as { name: string; field: string; old_value: string; new_value: string; actor: string }[];
    expect(history).toHaveLength(4 * 3 + 1);
    expect(history.filter((h) => h.name === '王小丽').map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['资格证书', '', '执业助理医师 ZY2019001 发证 2019-05-01'],
      ['聘用', '', '乡聘村用（劳动合同） 编内（余编） 2023-06-01 至 2026-05-31 养老保险有 工伤保险有 责任险无'],
      ['岗位', '', '村医 2023-06-01 至 今'],
    ]);
    expect(history.filter((h) => h.name === '李明').map((h) => [h.field, h.old_value, h.new_value])).toEqual([
      ['联系电话', '13891000004', '13911112222'],
    ]);
    expect(new Set(history.map((h) => h.actor))).toEqual(new Set(['测试']));
  });

  it('refuses the file with bad rows and changes nothing, history and audit log included', async () => {
    const { db, ctx, dir } = await freshDb();
    const file = await messyRoster(path.join(dir, '花名册.xlsx'), idOf(db, '李明'), CERT_YEAR);
    const before = dumpDb(db);
    const err = await importWorkbook(ctx, 'roster', { file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^乡村医生花名册表中有 3 行有错误，未导入任何数据/);
    expect((err as AppError).extra.row).toBe(10);
    expect(dumpDb(db)).toBe(before);
  });

  it('creates exactly the new people with their certificates, posts and contracts, and updates 李明', async () => {
    const { db, ctx, dir } = await freshDb();
    const liMing = idOf(db, '李明');
    const file = await messyRoster(path.join(dir, '花名册.xlsx'), liMing, CERT_YEAR, false);
    const before = counts(db);
    const r = await importWorkbook(ctx, 'roster', { file });
    expect([r.created, r.updated]).toEqual([4, 1]);
    const after = counts(db);
    expect(after.people - before.people).toBe(4);
    expect(after.qualifications - before.qualifications).toBe(4);
    expect(after.assignments - before.assignments).toBe(4);
    expect(after.employments - before.employments).toBe(4);
    expect(db.prepare('SELECT count(*) FROM people WHERE id_number = ?').pluck().get(liMing)).toBe(1);
    expect(db.prepare('SELECT phone FROM people WHERE id_number = ?').pluck().get(liMing)).toBe('13911112222');
    const history = db
      .prepare(
        `SELECT h.field, h.old_value, h.new_value FROM person_history h JOIN people p ON p.id = h.person_id
      WHERE p.id_number = ? ORDER BY h.id DESC LIMIT 1`,
      )
      .get(liMing);
    expect(history).toEqual({ field: '联系电话', old_value: '13891000004', new_value: '13911112222' });

    const person = (id: string) =>
      db.prepare('SELECT name, sex, birth_date, category, education, rural_work_start FROM people WHERE id_number = ?').get(id);
    expect(person(PEOPLE.wang)).toEqual({
      name: '王小丽',
      sex: 'F',
      birth_date: '1990-05-01',
      category: 'village_doctor',
      education: '大学专科',
      rural_work_start: '2019-05-01',
    });
    expect(person(PEOPLE.ma)).toMatchObject({ category: 'center_staff' });
    const post = db.prepare(`SELECT c.name, a.role, a.start_date, a.end_date FROM assignments a JOIN clinics c ON c.id = a.clinic_id
      JOIN people p ON p.id = a.person_id WHERE p.id_number = ?`);
    expect(post.all(PEOPLE.zhao)).toEqual([{ name: '刘湾村第一卫生室', role: 'doctor', start_date: '2023-06-01', end_date: null }]);
    const contract = db.prepare(`SELECT e.kind, e.establishment, e.start_date, e.end_date, e.pension, e.work_injury, e.liability
      FROM employments e JOIN people p ON p.id = e.person_id WHERE p.id_number = ?`);
    expect(contract.all(PEOPLE.wang)).toEqual([
      {
        kind: 'township_hired',
        establishment: 'spare',
        start_date: '2023-06-01',
        end_date: '2026-05-31',
        pension: 1,
        work_injury: 1,
        liability: 0,
      },
    ]);
    const cert = db.prepare(
      `SELECT q.kind, q.cert_number, q.issued_on, q.valid_until FROM qualifications q JOIN people p ON p.id = q.person_id WHERE p.id_number = ?`,
    );
    expect(cert.all(PEOPLE.zhao)).toEqual([
      { kind: 'village_doctor_cert', cert_number: 'XC2019002', issued_on: '2019-05-01', valid_until: '2029-04-30' },
    ]);
    const log = db.prepare("SELECT summary FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(log).toBe('从“花名册.xlsx”（工作表“花名册”）导入乡村医生花名册：新增 4 个，更新 1 个，无变化 0 个');

    // The same file again: everyone matched, nothing new.
    const again = await importWorkbook(ctx, 'roster', { file });
    expect([again.created, again.updated, again.preview.unchanged.length]).toEqual([0, 0, 5]);
    expect(counts(db)).toEqual({ ...after });
  });
});
