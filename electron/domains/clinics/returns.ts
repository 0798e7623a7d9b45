/**
 * 村卫生室及覆盖情况统计表: every clinic with its villages, population, staffing norm (S1),
 * property (C3), insurance point (C5) and head (C2); then every village with how it is covered
 * (C1), counted per kind, with the 空白点 named. Read straight from the registry tables; the
 * derived columns (coverage kind, service population, required doctors) are kept true by
 * services/registryFigures.ts on every write.
 */
import { coverageKinds, coverageLabels, type CoverageKind } from '../../../shared/rules/coverage';
import { clinicStatusLabels, propertyLabels } from '../../../shared/schemas/clinics';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/service';
import {
  computeTotals,
  fitWidths,
  type ReportColumn,
  type ReportData,
  type ReportTable,
  type ReportValue,
  type ReportWhen,
} from '../../excel/returns/types';

export const CLINIC_ROSTER_TITLE = '村卫生室及覆盖情况统计表';

const clinicColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'code', header: '机构编码', group: '基本情况', kind: 'text', width: 10 },
  { key: 'name', header: '卫生室名称', group: '基本情况', kind: 'text', width: 14, total: 'count' },
  { key: 'status', header: '状态', group: '基本情况', kind: 'center', width: 8 },
  { key: 'villages', header: '服务的村', group: '服务范围', kind: 'text', width: 14 },
  { key: 'servicePopulation', header: '服务人口（人）', group: '服务范围', kind: 'int', width: 9, total: 'sum' },
  { key: 'requiredDoctors', header: '应配村医（人）', group: '服务范围', kind: 'int', width: 9, total: 'sum' },
  { key: 'property', header: '产权', group: '房屋与资质', kind: 'center', width: 9 },
  { key: 'buildingArea', header: '业务用房面积（㎡）', group: '房屋与资质', kind: 'decimal', width: 10, total: 'sum' },
  { key: 'insurancePoint', header: '医保定点', group: '房屋与资质', kind: 'center', width: 8 },
  { key: 'headName', header: '负责人', group: '房屋与资质', kind: 'text', width: 8 },
  { key: 'note', header: '备注', kind: 'text', width: 12 },
];

const villageColumns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 6 },
  { key: 'name', header: '村名', kind: 'text', width: 12, total: 'count' },
  { key: 'servicePopulation', header: '服务人口（人）', kind: 'int', width: 9, total: 'sum' },
  { key: 'coverage', header: '覆盖方式', kind: 'center', width: 11 },
  { key: 'clinics', header: '服务的卫生室', kind: 'text', width: 18 },
  { key: 'isCenterSeat', header: '卫生院驻地', kind: 'center', width: 8 },
  { key: 'distanceKm', header: '距卫生院（公里）', kind: 'decimal', width: 9 },
];

interface ClinicRecord {
  code: string;
  name: string;
  status: 'open' | 'closed';
  villages: string | null;
  service_population: number;
  required_doctors: number;
  property: 'public' | 'other';
  building_area: number;
  insurance_point: number;
  head_name: string;
  closed_on: string | null;
  closed_reason: string;
  note: string;
}

function clinicTable(db: Db): ReportTable {
  const records = db
    .prepare(
      `SELECT coalesce(c.code, '') AS code, c.name, c.status, c.service_population, c.required_doctors, c.property, c.building_area,
         c.insurance_point, c.head_name, c.closed_on, c.closed_reason, c.note,
         (SELECT group_concat(label, '、') FROM (
            SELECT v.name || CASE cv.relation WHEN 'extension' THEN '（延伸）' ELSE '' END AS label
            FROM clinic_villages cv JOIN villages v ON v.id = cv.village_id
            WHERE cv.clinic_id = c.id ORDER BY cv.relation = 'extension', v.id)) AS villages
       FROM clinics c ORDER BY c.status = 'closed', c.code IS NULL, c.code, c.id`,
    )
    .all() as ClinicRecord[];
  const rows = records.map((c, i): Record<string, ReportValue> => ({
    index: i + 1,
    code: c.code,
    name: c.name,
    status: clinicStatusLabels[c.status],
    villages: c.villages ?? '',
    servicePopulation: c.service_population,
    requiredDoctors: c.required_doctors,
    property: propertyLabels[c.property],
    buildingArea: c.building_area,
    insurancePoint: c.insurance_point === 1 ? '是' : '否',
    headName: c.head_name,
    // The closure on its own first line, the clinic's note below it: the import reads the note back (importKind.ts).
    note: c.status === 'closed' ? [`${c.closed_on ?? ''}撤销：${c.closed_reason}`, c.note].filter(Boolean).join('\n') : c.note,
  }));
  const open = records.filter((c) => c.status === 'open');
  return {
    sheetName: '村卫生室',
    title: CLINIC_ROSTER_TITLE,
    columns: fitWidths(clinicColumns, rows),
    rows,
    totals: computeTotals(clinicColumns, rows),
    summary: {
      title: '村卫生室情况',
      header: ['项目', '个数'],
      kinds: ['text', 'int'],
      rows: [
        ['运行中的卫生室', open.length],
        ['已撤销的卫生室', records.length - open.length],
        ['医保定点（运行中）', open.filter((c) => c.insurance_point === 1).length],
        ['公有产权（运行中）', open.filter((c) => c.property === 'public').length],
      ],
    },
  };
}

interface VillageRecord {
  name: string;
  service_population: number;
  coverage_kind: CoverageKind;
  clinics: string | null;
  is_center_seat: number;
  distance_km: number;
}

function villageTable(db: Db): ReportTable {
  const records = db
    .prepare(
      `SELECT v.name, v.service_population, v.coverage_kind, v.is_center_seat, v.distance_km,
         (SELECT group_concat(label, '、') FROM (
            SELECT c.name || CASE cv.relation WHEN 'extension' THEN '（延伸）' ELSE '' END AS label
            FROM clinic_villages cv JOIN clinics c ON c.id = cv.clinic_id
            WHERE cv.village_id = v.id AND c.status = 'open' ORDER BY cv.relation = 'extension', c.code IS NULL, c.code, c.id)) AS clinics
       FROM villages v ORDER BY v.id`,
    )
    .all() as VillageRecord[];
  const rows = records.map((v, i): Record<string, ReportValue> => ({
    index: i + 1,
    name: v.name,
    servicePopulation: v.service_population,
    coverage: coverageLabels[v.coverage_kind] ?? v.coverage_kind,
    clinics: v.clinics ?? '',
    isCenterSeat: v.is_center_seat === 1 ? '是' : '否',
    distanceKm: v.distance_km,
  }));
  const summaryRows = coverageKinds.map((kind): ReportValue[] => {
    const of = records.filter((v) => v.coverage_kind === kind);
    const note = kind === 'none' && of.length > 0 ? `须逐步消除：${of.map((v) => v.name).join('、')}` : '';
    return [coverageLabels[kind], of.length, of.reduce((s, v) => s + v.service_population, 0), note];
  });
  return {
    sheetName: '行政村覆盖情况',
    title: '行政村覆盖情况',
    columns: fitWidths(villageColumns, rows),
    rows,
    totals: computeTotals(villageColumns, rows),
    summary: {
      title: '按覆盖方式汇总（规则 C1）',
      header: ['覆盖方式', '村数', '服务人口（人）', '说明'],
      kinds: ['text', 'int', 'int', 'text'],
      rows: summaryRows,
    },
  };
}

function figuresOf(clinics: ReportTable, villages: ReportTable): Record<string, number> {
  const ct = clinics.totals ?? {};
  const vt = villages.totals ?? {};
  const byKind = Object.fromEntries(
    coverageKinds.map((k) => [`villagesCoveredBy.${k}`, villages.rows.filter((r) => r.coverage === coverageLabels[k]).length]),
  );
  return {
    clinics: ct.name ?? 0,
    openClinics: clinics.rows.filter((r) => r.status === clinicStatusLabels.open).length,
    servicePopulation: ct.servicePopulation ?? 0,
    requiredDoctors: ct.requiredDoctors ?? 0,
    buildingArea: ct.buildingArea ?? 0,
    villages: vt.name ?? 0,
    villageServicePopulation: vt.servicePopulation ?? 0,
    ...byKind,
    blankVillages: byKind['villagesCoveredBy.none'] ?? 0,
  };
}

/** The registry as it stands: it keeps no history to look back on, so the figures are as of the filing day. */
export function buildClinicRosterReport(db: Db, when: ReportWhen): ReportData {
  const settings = readSettings(db);
  const clinics = clinicTable(db);
  const villages = villageTable(db);
  return {
    name: 'clinic-roster',
    title: CLINIC_ROSTER_TITLE,
    unit: settings.centerName,
    county: settings.county,
    date: when.today,
    asOf: when.today,
    signature: { operator: settings.operatorName, reviewer: settings.reviewerName, director: settings.directorName },
    figures: figuresOf(clinics, villages),
    tables: [clinics, villages],
  };
}
