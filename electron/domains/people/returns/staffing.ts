/**
 * 村卫生室人员配备情况 (issue 3, item 8): per open clinic, the staffing norm (S1) against the
 * people on post, the gap, women (S2), the village doctors on post and the licensed/assistant
 * physicians among them with their share (S4, as s4.ts defines it: village doctors only),
 * village doctors who have met this year's training requirement by the day (S9, S9a) and the age bands that matter
 * for S5 (60 pension, 65 head limit); a 合计 row for the township; then every open alert with
 * its rule ID. The people counted are exactly those computeAlerts counts (whoever holds a post
 * there on the as-of date: an exit ends the posts on its day), and the alerts are
 * computeAlerts' own, so the sheet and the 预警提醒 page never disagree.
 */
import { chineseDate } from '../../../../shared/format';
import { ageOn } from '../../../../shared/rules/idCard';
import { trainingProgress } from '../../../../shared/rules/yearly';
import { alertKindInfo } from '../../../../shared/schemas/personOutput';
import { trainingRuleOf } from '../../../../shared/schemas/settings';
import type { Db } from '../../../db/open';
import { loadOpenClinics, loadPeopleFacts, postOn, type PersonFacts } from '../alertData';
import { computeAlerts } from '../alerts';
import { countsForS4, qualifiedForS4 } from '../s4';
import { readSettings } from '../../settings/service';
import {
  computeTotals,
  fitWidths,
  percentOf,
  type ReportAlert,
  type ReportColumn,
  type ReportData,
  type ReportValue,
  type ReportWhen,
} from '../../../excel/returns/types';

export const STAFFING_TITLE = '村卫生室人员配备情况';

/** Age bands: under 40, the 40s, the 50s, 60–64 (past pension age, S5), 65 and over (head limit, S5). */
export const ageBands = [
  { key: 'ageUnder40', header: '40岁以下', test: (a: number) => a < 40 },
  { key: 'age40to49', header: '40–49岁', test: (a: number) => a >= 40 && a < 50 },
  { key: 'age50to59', header: '50–59岁', test: (a: number) => a >= 50 && a < 60 },
  { key: 'age60to64', header: '60–64岁', test: (a: number) => a >= 60 && a < 65 },
  { key: 'age65up', header: '65岁及以上', test: (a: number) => a >= 65 },
] as const;

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'name', header: '卫生室名称', kind: 'text', width: 14, total: 'count' },
  { key: 'servicePopulation', header: '服务人口（人）', kind: 'int', width: 9, total: 'sum' },
  { key: 'required', header: '应配（S1）', group: '人员配备（人）', kind: 'int', width: 7, total: 'sum' },
  { key: 'actual', header: '实有', group: '人员配备（人）', kind: 'int', width: 6, total: 'sum' },
  { key: 'gap', header: '缺口', group: '人员配备（人）', kind: 'int', width: 6, total: 'sum' },
  { key: 'women', header: '女性', group: '人员配备（人）', kind: 'int', width: 6, total: 'sum' },
  // S4 counts village doctors only (s4.ts): the header says so, and 派驻/县聘 staff in 实有 are not in it.
  { key: 'villageDoctors', header: '在岗村医', group: '执业（助理）医师（S4，只计村医）', kind: 'int', width: 6, total: 'sum' },
  { key: 'qualified', header: '其中执业（助理）', group: '执业（助理）医师（S4，只计村医）', kind: 'int', width: 8, total: 'sum' },
  {
    key: 'qualifiedPct',
    header: '占村医（%）',
    group: '执业（助理）医师（S4，只计村医）',
    kind: 'decimal',
    width: 8,
    total: { percentOf: ['qualified', 'villageDoctors'] },
  },
  { key: 'trainingCompliant', header: '本年培训达标村医（人）', kind: 'int', width: 9, total: 'sum' },
  ...ageBands.map((b): ReportColumn => ({ key: b.key, header: b.header, group: '年龄结构（人）', kind: 'int', width: 7, total: 'sum' })),
];

function clinicRow(
  here: readonly PersonFacts[],
  required: number,
  asOf: string,
  compliant: (p: PersonFacts) => boolean,
): Record<string, ReportValue> {
  const villageDoctors = here.filter((p) => countsForS4(p, asOf));
  const qualified = villageDoctors.filter((p) => qualifiedForS4(p, asOf)).length;
  const ages = here.map((p) => ageOn(p.birthDate, asOf));
  return {
    required,
    actual: here.length,
    gap: Math.max(0, required - here.length),
    women: here.filter((p) => p.sex === 'F').length,
    villageDoctors: villageDoctors.length,
    qualified,
    qualifiedPct: percentOf(qualified, villageDoctors.length),
    trainingCompliant: here.filter((p) => p.category === 'village_doctor' && compliant(p)).length,
    ...Object.fromEntries(ageBands.map((b) => [b.key, ages.filter(b.test).length])),
  };
}

export function buildStaffingReport(db: Db, when: ReportWhen): ReportData {
  const { asOf } = when;
  const year = Number(asOf.slice(0, 4));
  const settings = readSettings(db);
  const rule = trainingRuleOf(settings);
  const byClinic = new Map<number, PersonFacts[]>();
  for (const p of loadPeopleFacts(db, asOf)) {
    const post = postOn(p, asOf);
    if (!post) continue;
    const list = byClinic.get(post.clinicId);
    if (list) list.push(p);
    else byClinic.set(post.clinicId, [p]);
  }
  // rule S9a: met by the day — training still to come does not count yet.
  const compliant = (p: PersonFacts) => trainingProgress(p.trainings, year, asOf, rule).status === 'ok';
  const rows = loadOpenClinics(db).map((c, i) => ({
    index: i + 1,
    name: c.name,
    servicePopulation: c.servicePopulation,
    ...clinicRow(byClinic.get(c.id) ?? [], c.requiredDoctors, asOf, compliant),
  }));
  const totals = computeTotals(columns, rows);

  const computed = computeAlerts(db, asOf, settings);
  const alerts: ReportAlert[] = computed.alerts.map((a) => ({
    rule: a.rule,
    kind: a.kind,
    title: alertKindInfo[a.kind].title,
    level: a.level,
    subject: a.subject,
    detail: a.detail,
  }));
  const byRule: Record<string, number> = {};
  for (const a of alerts) byRule[`alerts.${a.rule}`] = (byRule[`alerts.${a.rule}`] ?? 0) + 1;
  const alertRows: ReportValue[][] = alerts.map((a) => [a.rule, a.title, a.subject, a.detail]);

  return {
    name: 'staffing',
    title: STAFFING_TITLE,
    unit: settings.centerName,
    county: settings.county,
    date: when.today,
    asOf,
    signature: { operator: settings.operatorName, reviewer: settings.reviewerName, director: settings.directorName },
    figures: {
      clinics: rows.length,
      required: totals.required ?? 0,
      actual: totals.actual ?? 0,
      gap: totals.gap ?? 0,
      women: totals.women ?? 0,
      villageDoctors: totals.villageDoctors ?? 0,
      qualified: totals.qualified ?? 0,
      qualifiedPct: totals.qualifiedPct ?? 0,
      trainingYear: year,
      trainingCompliant: totals.trainingCompliant ?? 0,
      // S4 as s4.ts defines it, the figure the 预警提醒 page shows: every village doctor in
      // service, on post or not (the table's columns count those on post).
      s4Qualified: computed.ratio.qualified,
      s4Total: computed.ratio.total,
      s4Pct: percentOf(computed.ratio.qualified, computed.ratio.total),
      s4TargetPct: Math.round(computed.ratio.target * 1000) / 10,
      alerts: alerts.length,
      ...byRule,
    },
    tables: [
      {
        sheetName: '人员配备',
        title: STAFFING_TITLE,
        columns: fitWidths(columns, rows),
        rows,
        totals,
        summary: {
          title: `预警事项（截至${chineseDate(asOf)}，共 ${alerts.length} 条）`,
          header: ['规则', '事项', '对象', '说明'],
          kinds: ['center', 'text', 'text', 'text'],
          // Under the narrow number columns a sentence needs room: 事项 and 对象 take three columns each, 说明 the rest.
          spans: [1, 3, 3, columns.length - 8],
          rows: alertRows.length > 0 ? alertRows : [['—', '无预警', '', '']],
        },
      },
    ],
    alerts,
  };
}
