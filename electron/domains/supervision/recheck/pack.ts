/**
 * P4: the re-check pack of one clinic and half-year, as one county workbook (with `report
 * recheck --format json` printing the same data): every month's visit (未督导 months listed),
 * each item's score, the findings with their rectification, the corrections with their reasons
 * (a line 无更正 when none) and the two quarters' results with their locks. The printed sheets
 * of the half-year are the other half of the pack (renderer/pages/recheck, P8).
 */
import { chineseDate, chineseDateTime, todayIso } from '../../../../shared/format';
import { halfKey, halfLabel, monthsOfHalf, quartersOfHalf } from '../../../../shared/rules/half';
import { monthLabel, quarterKey, quarterLabel } from '../../../../shared/rules/quarter';
import { visitStatusLabels } from '../../../../shared/schemas/visits';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import {
  computeTotals,
  type ReportColumn,
  type ReportData,
  type ReportTable,
  type ReportValue,
  type ReportWhen,
} from '../../../excel/returns/types';
import { readSettings } from '../../settings/service';
import { findingColumns, findingRows, findingSelect, type FindingRecord } from '../quarters/findingLedger';
import { assessmentRuleOf, quarterResults } from '../quarters/results';
import { clinicForVisit, loadVisit, visitHead } from '../visits/read';
import { templateItems } from '../visits/templateForMonth';
import { halfCorrectionsWhere } from './halfVisits';
import { correctionColumns, entityLabels, fieldLabels, fieldValue, scoreColumns, visitColumns } from './packColumns';
import { halfFrom } from './pick';

export const RECHECK_TITLE = '村卫生室督导考核县级复核材料';

const points = (tenths: number | null | undefined): ReportValue => (tenths === null || tenths === undefined ? null : tenths / 10);

const findingColumnsOfPack = findingColumns({ withClinic: false });

interface CorrectionRecord {
  at: string;
  by: string;
  entity: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  month: string | null;
  subject: string | null;
}

function corrections(db: Db, scope: { clinicId: number; from: string; to: string }): CorrectionRecord[] {
  // The month and the subject through whichever link the row has: its visit, or the corrected row itself.
  return stmt(
    db,
    `SELECT k.at, k.by, k.entity, k.field, k.old_value AS oldValue, k.new_value AS newValue, k.reason,
            coalesce(v.month, sv.month, fv.month, ev.month) AS month,
            CASE k.entity
              WHEN 'visit_scores' THEN (SELECT i.seq || ' ' || i.content FROM supervision_items i
                                          WHERE i.id = coalesce(s.item_id, CASE WHEN k.field = 'item_id' THEN CAST(k.new_value AS INTEGER) END))
              WHEN 'findings' THEN f.text
              ELSE NULL END AS subject
       FROM corrections k
       LEFT JOIN visits v ON v.id = k.visit_id
       LEFT JOIN visits ev ON k.entity = 'visits' AND ev.id = k.entity_id
       LEFT JOIN visit_scores s ON k.entity = 'visit_scores' AND s.id = k.entity_id LEFT JOIN visits sv ON sv.id = s.visit_id
       LEFT JOIN findings f ON k.entity = 'findings' AND f.id = k.entity_id LEFT JOIN visits fv ON fv.id = f.visit_id
      WHERE ${halfCorrectionsWhere}
      ORDER BY k.id`,
  ).all(scope) as CorrectionRecord[];
}

function findings(db: Db, scope: { clinicId: number; from: string; to: string }): FindingRecord[] {
  return stmt(
    db,
    `SELECT ${findingSelect.columns}
       FROM findings f JOIN visits v ON v.id = f.visit_id ${findingSelect.joins}
      WHERE v.clinic_id = @clinicId AND v.month BETWEEN @from AND @to ORDER BY v.month, f.id`,
  ).all(scope) as FindingRecord[];
}

function table(
  sheetName: string,
  title: string,
  columns: ReportColumn[],
  rows: Record<string, ReportValue>[],
  withTotals: boolean,
): ReportTable {
  return { sheetName, title, columns, rows, totals: withTotals ? computeTotals(columns, rows) : null };
}

export function buildRecheckReport(db: Db, when: ReportWhen): ReportData {
  const h = halfFrom(when.half ?? '');
  if (when.clinicId === undefined || when.clinicId === null)
    throw new AppError('VALIDATION', '复核材料按村卫生室出，请选择村卫生室', { field: 'clinicId' });
  const months = monthsOfHalf(h);
  const scope = { clinicId: when.clinicId, from: months[0] ?? '', to: months[5] ?? '' };
  const clinic = clinicForVisit(db, when.clinicId, when.today);
  const s = readSettings(db);
  const title = `${clinic.name}${halfLabel(h)}督导考核复核材料`;

  const visitRows: Record<string, ReportValue>[] = [];
  const scoreRows: Record<string, ReportValue>[] = [];
  const scoreEmphasis: number[] = [];
  let finished = 0;
  for (const month of months) {
    const head = visitHead(db, when.clinicId, month);
    const label = monthLabel(month);
    if (!head) {
      visitRows.push({
        index: visitRows.length + 1,
        month: label,
        visitedOn: '',
        supervisors: '',
        signer: '',
        status: '未督导',
        findings: 0,
        note: '',
      });
      continue;
    }
    const v = loadVisit(db, head);
    if (v.status === 'final') finished += 1;
    visitRows.push({
      index: visitRows.length + 1,
      month: label,
      visitedOn: v.visitedOn,
      supervisors: v.supervisors,
      signer: v.clinicSigner,
      status: visitStatusLabels[v.status],
      base: points(v.baseTenths),
      bonus: points(v.bonusTenths),
      veto: v.vetoed ? '是' : '否',
      total: points(v.totalTenths),
      findings: v.findings.length,
      // A draft counts nowhere (P6): said beside its figures.
      note: [v.status === 'draft' ? '草稿，不计入季度得分' : '', v.note].filter(Boolean).join('；'),
    });
    const byItem = new Map(v.scores.map((x) => [x.itemId, x]));
    for (const it of templateItems(db, head.templateId)) {
      const sc = byItem.get(it.id);
      scoreRows.push({
        month: label,
        seq: it.seq,
        group: it.groupName,
        content: `${it.content}${it.isVeto ? '（一票否决）' : it.isBonus ? '（加分）' : ''}`,
        max: it.isVeto ? null : points(it.maxTenths),
        score: it.isVeto ? null : points(sc?.scoreTenths),
        note: it.isVeto ? (sc?.vetoed ? '否决' : '未否决') : (sc?.note ?? ''),
      });
    }
    scoreEmphasis.push(scoreRows.length);
    scoreRows.push({
      month: label,
      seq: '',
      group: '本月合计',
      content: v.vetoed ? '一票否决，本月得分为 0' : '',
      max: null,
      score: points(v.totalTenths),
      note: '',
    });
  }

  const fs = findings(db, scope);
  const findingRowsOfPack = findingRows(fs, when.today);

  const ks = corrections(db, scope);
  const correctionRows: Record<string, ReportValue>[] =
    ks.length === 0
      ? [{ index: '', at: '无更正' }]
      : ks.map((k, i) => ({
          index: i + 1,
          // Stored as a UTC instant; the county reads China time, like every other time the app shows.
          at: chineseDateTime(k.at),
          by: k.by,
          month: k.month ? monthLabel(k.month) : '',
          entity: entityLabels[k.entity] ?? k.entity,
          subject: k.subject ?? '',
          field: fieldLabels[k.field] ?? k.field,
          oldValue: fieldValue(k.field, k.oldValue),
          newValue: fieldValue(k.field, k.newValue),
          reason: k.reason,
        }));

  const rule = assessmentRuleOf(s);
  const quarterColumns: ReportColumn[] = [
    { key: 'quarter', header: '季度', kind: 'text', width: 18 },
    { key: 'm1', header: '第一个月', group: '月度督导得分', kind: 'decimal', width: 9 },
    { key: 'm2', header: '第二个月', group: '月度督导得分', kind: 'decimal', width: 9 },
    { key: 'm3', header: '第三个月', group: '月度督导得分', kind: 'decimal', width: 9 },
    { key: 'score', header: '季度得分', group: '季度考核', kind: 'decimal', width: 9 },
    { key: 'grade', header: '等级', group: '季度考核', kind: 'center', width: 8 },
    { key: 'passed', header: '是否合格', group: '季度考核', kind: 'center', width: 8 },
    { key: 'lock', header: '锁定', kind: 'text', width: 20 },
    { key: 'note', header: '备注', kind: 'text', width: 24 },
  ];
  const quarterRows = quartersOfHalf(h).map((q): Record<string, ReportValue> => {
    const r = quarterResults(db, q, rule, when.today);
    const row = r.rows.find((x) => x.clinicId === when.clinicId);
    const cells = Object.fromEntries((row?.months ?? []).map((m, j) => [`m${j + 1}`, m.vetoed ? 0 : points(m.totalTenths)]));
    const notes = (row?.months ?? []).flatMap((m) => [
      ...(m.totalTenths === null ? [`${Number(m.month.slice(5, 7))}月未督导`] : []),
      ...(m.vetoed ? [`${Number(m.month.slice(5, 7))}月一票否决`] : []),
    ]);
    return {
      quarter: `${quarterLabel(q)}（${quarterKey(q)}）`,
      ...cells,
      score: points(row?.scoreTenths ?? null),
      grade: row?.grade ?? '未考核',
      passed: !row || row.passed === null ? '未考核' : row.passed ? '是' : '否',
      lock: r.lock ? `已锁定 ${chineseDate(todayIso(new Date(r.lock.at)))}（${r.lock.by}）` : '未锁定',
      note: notes.join('；'),
    };
  });

  return {
    name: 'recheck',
    title,
    unit: s.centerName,
    county: s.county,
    date: when.today,
    asOf: when.today,
    period: `${halfLabel(h)}（${halfKey(h)}）\u3000村卫生室：${clinic.name}（${clinic.code}）`,
    signature: { operator: s.operatorName, reviewer: s.reviewerName, director: s.directorName },
    figures: {
      months: months.length,
      visits: finished,
      drafts: visitRows.filter((r) => r.status === visitStatusLabels.draft).length,
      itemScores: scoreRows.length - scoreEmphasis.length,
      findings: fs.length,
      corrections: ks.length,
    },
    tables: [
      table('督导情况', `${title}——月度督导情况`, visitColumns, visitRows, true),
      { ...table('逐项得分', `${title}——逐项得分`, scoreColumns, scoreRows, false), emphasis: scoreEmphasis },
      table('发现问题及整改', `${title}——发现问题及整改`, findingColumnsOfPack, findingRowsOfPack, true),
      table('更正记录', `${title}——更正记录`, correctionColumns, correctionRows, false),
      table('季度考核', `${title}——季度考核结果`, quarterColumns, quarterRows, false),
    ],
  };
}
