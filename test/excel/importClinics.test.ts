/**
 * Importing the clinic register: matched by 机构编码, villages by name (合建 lists, a dropped
 * 村, （延伸） marks), unknown villages and bad codes reported per row, then committed all at
 * once through the clinics service so coverage (C1) and staffing (S1) follow.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, previewImport, readSheetGrid } from '../../electron/app/importKinds';
import { auditCount, dumpDb } from '../helpers/tempDb';
import { countRows, freshDb } from './support';
import { messyClinics } from './messy';

describe('clinic import', () => {
  it('previews updates by code, villages by name, and names the column of each bad row', async () => {
    const { db, dir } = await freshDb();
    const p = previewImport(db, 'clinics', await readSheetGrid({ file: await messyClinics(path.join(dir, '卫生室.xlsx')) }));
    expect(p.unknownColumns).toEqual([{ column: 'J', header: '电话' }]);
    expect(p.errors.map((e) => e.row)).toEqual([8, 9]);
    expect(p.errors[0]?.message).toBe('第 8 行：“所在村”：没有名为 “不存在村” 的行政村，请先导入或新增这些村');
    expect(p.errors[1]?.columns).toEqual(['机构编码']);
    expect(p.errors[1]?.message).toContain('机构编码只能包含数字、字母和短横线');
    expect(p.update.map((r) => [r.row, r.label, r.changes])).toEqual([[4, 'HY001-01 张庄村卫生室', ['业务用房面积']]]);
    expect(p.create.map((r) => r.label)).toEqual(['XA-01 王赵联合卫生室', 'XA-03 李营延伸点', '1001 吴岗村第二卫生室']);
    const ids = (names: string[]) => names.map((n) => Number(db.prepare('SELECT id FROM villages WHERE name = ?').pluck().get(n)));
    expect(p.create[0]?.values).toMatchObject({
      hostVillageIds: ids(['王屯村', '赵坡村']),
      extensionVillageIds: ids(['褚河村']),
      property: 'public',
      insurancePoint: false,
    });
    expect(p.create[1]?.values).toMatchObject({
      hostVillageIds: [],
      extensionVillageIds: ids(['李营村']),
      property: 'other',
      buildingArea: 0,
      insurancePoint: true,
    });
    expect(p.create[2]?.values).toMatchObject({ code: '1001', buildingArea: 66.5 });
  });

  it('writes nothing when a row is bad, and everything when the file is clean', async () => {
    const { db, ctx, dir } = await freshDb();
    const before = dumpDb(db);
    await expect(importWorkbook(ctx, 'clinics', { file: await messyClinics(path.join(dir, 'bad.xlsx')) })).rejects.toThrow(/有 2 行有错误/);
    expect(dumpDb(db)).toBe(before);

    const clinics = countRows(db, 'clinics');
    const audits = auditCount(db);
    const r = await importWorkbook(ctx, 'clinics', { file: await messyClinics(path.join(dir, 'good.xlsx'), false) });
    expect([r.created, r.updated]).toEqual([3, 1]);
    expect(countRows(db, 'clinics')).toBe(clinics + 3);
    expect(db.prepare("SELECT building_area FROM clinics WHERE code = 'HY001-01'").pluck().get()).toBe(130);
    // 王屯村 and 赵坡村 now share two clinics each; the new joint clinic serves half of each (C4).
    const joint = db.prepare("SELECT service_population, required_doctors FROM clinics WHERE code = 'XA-01'").get();
    expect(joint).toEqual({ service_population: Math.round(980 / 2 + 1200 / 2 + 400 / 2), required_doctors: 2 });
    const names = db
      .prepare(
        `SELECT group_concat(v.name || ':' || cv.relation, ',') FROM clinic_villages cv
      JOIN villages v ON v.id = cv.village_id JOIN clinics c ON c.id = cv.clinic_id WHERE c.code = 'XA-03'`,
      )
      .pluck()
      .get();
    expect(names).toBe('李营村:extension');
    const actions = db.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(audits);
    expect(actions).toEqual(['update', 'create', 'create', 'create', 'import']);
  });
});
