/**
 * P6: county 考核细则 workbooks read into a versioned template — with a 分值 column (一票否决
 * in place of points, a totals row), without one (points in merged group cells and at the ends
 * of item texts, bonus beside them, a 综合得分 and a 注 line that are not items), points that do
 * not add up (a warning naming the group and both figures, loaded after confirmation), a bad row
 * named, nothing written on a dry run or an error; versions (in use → no edit; in force by month).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetGrid } from '../../electron/excel/import/read';
import { exportTemplate } from '../../electron/domains/supervision/exports';
import { ensureDefaultTemplate } from '../../electron/domains/supervision/template/defaultTemplate';
import { loadTemplate, previewTemplate } from '../../electron/domains/supervision/template/load';
import { getTemplate, listTemplates, templateInForce } from '../../electron/domains/supervision/template/store';
import type { TemplateGroupIn } from '../../shared/schemas/supervision';
import { dumpDb } from '../helpers/tempDb';
import { freshDb } from './support';
import { groupRows, notAddingUp, withoutPointsColumn, withPointsColumn } from './templateFixtures';

describe('template import (P6)', () => {
  it('reads a sheet with a 分值 column: groups merged over items, 0.5 points, 一票否决, the totals row', async () => {
    const { db, dir } = await freshDb(false);
    const p = previewTemplate(db, await readSheetGrid({ file: await withPointsColumn(path.join(dir, 'a.xlsx')) }), {
      effectiveFrom: '2026-01',
    });
    expect(p.name).toBe('XX县村卫生室绩效考核细则（2026年版）');
    expect(p.headerRow).toBe(3);
    expect(p.groups.map((g) => [g.content, g.items.length])).toEqual([
      ['人员管理', 3],
      ['药品管理', 2],
      ['公共卫生', 3],
      ['一票否决', 1],
    ]);
    expect(p.groups[2]?.items.map((i) => [i.seq, i.maxTenths])).toEqual([
      ['6', 250],
      ['7', 245],
      ['8', 5],
    ]);
    expect(p.groups[3]?.items[0]).toMatchObject({ content: '发生重大医疗事故', isVeto: true, maxTenths: 0, method: '查阅记录' });
    expect(p).toMatchObject({ items: 9, baseTenths: 1000, bonusTenths: 0, statedTotalTenths: 1000, warnings: [], errors: [] });
  });

  it('reads a sheet without 分值: points from merged group cells and item texts, bonus apart (100 + 15), 综合得分 and 注 not items', async () => {
    const { db, dir } = await freshDb(false);
    const p = previewTemplate(db, await readSheetGrid({ file: await withoutPointsColumn(path.join(dir, 'b.xlsx')) }), {
      effectiveFrom: '2026-07',
    });
    expect(p.groups.map((g) => [g.seq, g.content, g.statedTenths, g.statedBonusTenths, g.isBonus])).toEqual([
      ['一', '组织领导、计划总结和项目公示', 70, null, false],
      ['二', '基本医疗服务', 120, 70, false],
      ['三', '公共卫生服务', 810, null, false],
      ['四', '加分项目', null, 80, true],
    ]);
    const basic = p.groups[1]?.items ?? [];
    expect(basic.map((i) => [i.content, i.maxTenths, i.isBonus])).toEqual([
      ['门诊日志登记规范', 60, false],
      ['处方书写规范', 60, false],
      ['开展中医药适宜技术服务', 40, true],
      ['家庭医生签约履约良好', 30, true],
    ]);
    expect(p.groups[0]?.items.map((i) => i.content)).toEqual(['成立领导小组，职责明确', '有年度工作计划和总结', '服务项目、收费标准公示']);
    expect(p).toMatchObject({ items: 10, baseTenths: 1000, bonusTenths: 150, bonusCapTenths: 150, statedTotalTenths: 1150 });
    expect(p.warnings).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.notes).toEqual(['注：1.奖励分最高15分，计入综合得分；2.考核结果与村医补助挂钩。']);
    expect(p.groups.flatMap((g) => g.items).some((i) => /综合得分|注/.test(i.content))).toBe(false);
  });

  it('reads group rows of their own (merged across, or points in the 分值 column) and a 评分标准 running into the next row', async () => {
    const { db, dir } = await freshDb(false);
    const p = previewTemplate(db, await readSheetGrid({ file: await groupRows(path.join(dir, 'g.xlsx')) }), { effectiveFrom: '2026-01' });
    expect(p.groups.map((g) => [g.content, g.statedTenths, g.items.map((i) => [i.seq, i.content, i.maxTenths, i.isVeto])])).toEqual([
      [
        '组织管理',
        100,
        [
          ['1', '有领导小组', 40, false],
          ['2', '有年度计划', 60, false],
        ],
      ],
      [
        '医疗服务',
        200,
        [
          ['3', '处方规范', 100, false],
          ['4', '门诊日志', 100, false],
        ],
      ],
      ['一票否决', null, [['5', '发生医疗事故', 0, true]]],
    ]);
    expect(p.groups[0]?.items[1]?.standard).toBe('无计划扣6分\n计划不全扣3分');
    expect(p).toMatchObject({ baseTenths: 300, statedTotalTenths: 300, warnings: [], errors: [] });
  });

  it('warns when points do not add up, naming the group and both figures, and loads once confirmed', async () => {
    const { ctx, db, dir } = await freshDb(false);
    const grid = await readSheetGrid({ file: await notAddingUp(path.join(dir, 'c.xlsx'), false) });
    const before = dumpDb(db);
    const p = previewTemplate(db, grid, { effectiveFrom: '2026-01' });
    expect(p.warnings).toEqual(['“药品管理”写明 10 分，其中各项基础分合计 8 分', '合计行写明 100 分，各项基础分合计 98 分']);
    expect(dumpDb(db)).toEqual(before);
    const loaded = loadTemplate(ctx, grid, { effectiveFrom: '2026-01' });
    expect(loaded.templateId).not.toBeNull();
    const t = getTemplate(ctx, loaded.templateId ?? 0);
    // A stated total above the items' base is a mismatch, not a bonus cap, when there are no bonus items.
    expect(t).toMatchObject({ version: 1, effectiveFrom: '2026-01', baseTenths: 980, bonusCapTenths: 0, items: 6, inUse: false });
    expect(t.groups.map((g) => [g.content, g.statedTenths, g.baseTenths])).toEqual([
      ['人员管理', 200, 200],
      ['药品管理', 100, 80],
      ['公共卫生', 700, 700],
    ]);
    const auditRow = db.prepare("SELECT summary FROM audit_log WHERE entity = 'supervision_template'").pluck().get() as string;
    expect(auditRow).toContain('已确认 2 处分值不符');
  });

  it('names a row without points and writes nothing', async () => {
    const { ctx, db, dir } = await freshDb(false);
    const grid = await readSheetGrid({ file: await notAddingUp(path.join(dir, 'd.xlsx'), true) });
    const p = previewTemplate(db, grid, { effectiveFrom: '2026-01' });
    expect(p.errors).toEqual([
      { row: 10, message: '第 10 行：“健康教育宣传”没有分值（“分值”列为空，内容末尾也没有写“（N分）”）。请补上分值，或标明“一票否决”' },
    ]);
    const before = dumpDb(db);
    expect(() => loadTemplate(ctx, grid, { effectiveFrom: '2026-01' })).toThrow(/第 10 行.*健康教育宣传/s);
    expect(dumpDb(db)).toEqual(before);
  });

  it('keeps versions: the one in force for a month is the latest effective; a version in use is never edited', async () => {
    const { ctx, db, dir } = await freshDb(false);
    const v1 = ensureDefaultTemplate(ctx);
    expect(ensureDefaultTemplate(ctx)).toBe(v1);
    const d = getTemplate(ctx, v1);
    expect(d).toMatchObject({ version: 1, effectiveFrom: '2000-01', baseTenths: 1000, bonusCapTenths: 100, vetoItems: 3 });
    expect(d.groups.flatMap((g) => g.items).map((i) => i.ruleRef)).toEqual(
      expect.arrayContaining(['S10', 'S9', 'S13', 'D2', 'D3', 'D5', 'D7', 'A3', 'P3']),
    );
    const v2 = loadTemplate(ctx, await readSheetGrid({ file: await withPointsColumn(path.join(dir, 'a.xlsx')) }), {
      effectiveFrom: '2026-07',
    }).templateId;
    expect(templateInForce(db, '2026-06')).toBe(v1);
    expect(templateInForce(db, '2026-07')).toBe(v2);
    expect(templateInForce(db, '2027-01')).toBe(v2);
    expect(templateInForce(db, '1999-12')).toBeNull();
    db.prepare(
      "INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage, patrol_visits_per_month, created_at, updated_at) VALUES ('东村', 1, 1, 0, 1, 'none', 0, 'x', 'x')",
    ).run();
    const clinic = db
      .prepare(
        "INSERT INTO clinics (code, name, property, building_area, insurance_point, status, created_at, updated_at) VALUES ('01', '东村卫生室', 'public', 1, 0, 'open', 'x', 'x')",
      )
      .run().lastInsertRowid;
    db.prepare(
      "INSERT INTO visits (clinic_id, month, visited_on, template_id, created_at, updated_at) VALUES (?, '2026-03', '2026-03-05', ?, 'x', 'x')",
    ).run(clinic, v1);
    expect(listTemplates(ctx).map((t) => [t.version, t.inUse, t.current])).toEqual([
      [2, false, false],
      [1, true, true],
    ]);
    expect(() => db.prepare("UPDATE supervision_items SET max_tenths = 10 WHERE template_id = ? AND kind = 'item'").run(v1)).toThrow(
      '已用于督导评分',
    );
  });
});

describe('template export (P6)', () => {
  it('exports a version as a county-style sheet that imports back as the same tree', async () => {
    const { ctx, db, dir } = await freshDb(false);
    const id = ensureDefaultTemplate(ctx);
    const file = await exportTemplate(ctx, id);
    const out = path.join(dir, file.fileName);
    fs.writeFileSync(out, Buffer.from(file.base64, 'base64'));
    const back = previewTemplate(db, await readSheetGrid({ file: out }), { effectiveFrom: '2027-01' });
    const shape = (groups: readonly TemplateGroupIn[]) =>
      groups.map((g) => [
        g.content,
        g.statedTenths,
        g.statedBonusTenths,
        g.items.map((i) => [i.content, i.maxTenths, i.isBonus, i.isVeto, i.standard]),
      ]);
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(shape(back.groups)).toEqual(shape(getTemplate(ctx, id).groups));
    expect(back).toMatchObject({ baseTenths: 1000, bonusTenths: 100, bonusCapTenths: 100 });
  });
});
