/**
 * Importing the village register (行政村名册). A village is matched by name: a name already in
 * the database updates that village; blank cells keep what is stored. Saving goes through the
 * villages service, so coverage (C1) and clinic figures (C4, S1) are refreshed as for a form.
 */
import type { z } from 'zod';
import { coverageLabels } from '../../../shared/rules/coverage';
import { villageInput } from '../../../shared/schemas/villages';
import { insertVillage, updateVillage } from './service';
import type { FieldDef, FieldProblem, ImportKind, PlannedRow } from '../../excel/import/types';

type VillageValues = z.output<typeof villageInput>;

/** Derived coverage labels (本村卫生室 …) come from clinics, not from this column: read as none. */
const derived = Object.fromEntries(
  Object.values(coverageLabels)
    .filter((l) => l !== '巡诊' && l !== '派驻')
    .map((l) => [l, 'none']),
);

export const villageFields: readonly FieldDef[] = [
  {
    key: 'name',
    label: '村名',
    synonyms: ['行政村', '行政村名称', '村名称', '村庄名称', '行政村名'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'residentPopulation', label: '户籍人口', synonyms: ['户籍人数', '总人口'], type: 'number', requiredValue: true },
  {
    key: 'servicePopulation',
    label: '服务人口',
    synonyms: ['常住人口', '服务人数', '常住人数'],
    type: 'number',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'isCenterSeat', label: '是否卫生院驻地', synonyms: ['卫生院驻地', '卫生院所在地', '是否卫生院所在地'], type: 'bool' },
  {
    key: 'distanceKm',
    label: '距卫生院距离',
    synonyms: ['距离', '距卫生院', '距卫生院(公里)', '距离(公里)', '距卫生院里程'],
    type: 'number',
  },
  { key: 'patrolVisitsPerMonth', label: '巡诊次数', synonyms: ['每月巡诊次数', '每月巡诊', '月巡诊次数'], type: 'number' },
  {
    key: 'altCoverage',
    label: '覆盖方式',
    synonyms: ['其他覆盖方式', '无卫生室时覆盖方式'],
    type: 'enum',
    choices: { 巡诊: 'patrol', 派驻: 'dispatch', 无: 'none', 其他: 'none', ...derived },
  },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', multiline: true },
];

export const villageKind: ImportKind<VillageValues> = {
  name: 'villages',
  title: '行政村',
  entity: 'village',
  fields: villageFields,
  schema: villageInput,
  defaults: { isCenterSeat: false, distanceKm: 0, altCoverage: 'none', patrolVisitsPerMonth: 0, note: '' },

  keyOf(values) {
    return typeof values.name === 'string' && values.name ? values.name : undefined;
  },

  findExisting(db, key) {
    const r = db
      .prepare(
        `SELECT id, name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
           patrol_visits_per_month, note FROM villages WHERE name = ?`,
      )
      .get(key) as Record<string, unknown> | undefined;
    if (!r) return null;
    return {
      id: Number(r.id),
      input: {
        name: r.name,
        residentPopulation: r.resident_population,
        servicePopulation: r.service_population,
        isCenterSeat: r.is_center_seat === 1,
        distanceKm: r.distance_km,
        altCoverage: r.alt_coverage,
        patrolVisitsPerMonth: r.patrol_visits_per_month,
        note: r.note,
      },
    };
  },

  toInput(_db, values) {
    return { input: { ...values }, problems: [] };
  },

  describe(v) {
    return v.name;
  },

  /** One center seat per township (C1): in the file, and against the database. */
  checkPlan(db, rows: readonly PlannedRow<VillageValues>[]) {
    const problems = new Map<number, FieldProblem[]>();
    const seats = rows.filter((r) => r.values.isCenterSeat);
    for (const extra of seats.slice(1)) {
      problems.set(extra.row, [{ key: 'isCenterSeat', message: `卫生院驻地只能有一个村，第 ${seats[0]?.row ?? ''} 行已标为驻地` }]);
    }
    const stored = db.prepare('SELECT id, name FROM villages WHERE is_center_seat = 1').get() as { id: number; name: string } | undefined;
    const first = seats[0];
    if (first && stored && first.existingId !== stored.id) {
      const released = rows.some((r) => r.existingId === stored.id && !r.values.isCenterSeat);
      if (!released) {
        problems.set(first.row, [{ key: 'isCenterSeat', message: `卫生院驻地已是“${stored.name}”，请在表中把该村改为“否”或去掉这一标记` }]);
      }
    }
    return problems;
  },

  // A row giving up the seat is saved before the row taking it, or the service would refuse.
  saveOrder(values) {
    return values.isCenterSeat ? 1 : 0;
  },

  save(ctx, values, existingId) {
    if (existingId === null) return insertVillage(ctx, values);
    updateVillage(ctx, existingId, values);
    return existingId;
  },
};
