/**
 * Returns of the assessment (R1, issue 11 part 8): 村卫生室绩效考核结果汇总表 (clinics × months,
 * the quarter's score, grade and pass, P6) and 绩效考核资金分配表 (P7, a pool in 元 shared by
 * score, M3 checked). Built as data for the county workbook and for `--format json`; scores in
 * points with one decimal (stored tenths ÷ 10, exact), money in 分 (shown in 元).
 */
import { parseQuarter, quarterLabel, type Quarter } from '../../../../shared/rules/quarter';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { computeTotals, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';
import { readSettings } from '../../settings/service';
import { computeAllocation } from '../money/allocate';
import { assessmentRuleOf, quarterResults } from './results';

export const QUARTER_TITLE = '村卫生室绩效考核结果汇总表';
export const ALLOCATION_TITLE = '村卫生室绩效考核资金分配表';

function quarterFrom(when: ReportWhen): Quarter {
  const q = parseQuarter(when.quarter ?? '');
  if (!q) throw new AppError('VALIDATION', '请选择季度（如 2026Q3）', { field: 'quarter' });
  return q;
}

const points = (tenths: number | null): ReportValue => (tenths === null ? null : tenths / 10);

function base(db: Db, when: ReportWhen, name: string, title: string, q: Quarter) {
  const s = readSettings(db);
  return {
    name,
    title,
    unit: s.centerName,
    county: s.county,
    date: when.today,
    asOf: when.today,
    period: quarterLabel(q),
    signature: { operator: s.operatorName, reviewer: s.reviewerName, director: s.directorName },
  };
}

export function buildQuarterReport(db: Db, when: ReportWhen): ReportData {
  const q = quarterFrom(when);
  const rule = assessmentRuleOf(readSettings(db));
  const r = quarterResults(db, q, rule, when.today);
  const monthCols: ReportColumn[] = r.months.map((m, i) => ({
    key: `m${i + 1}`,
    header: `${Number(m.slice(5, 7))}月`,
    group: '月度督导得分',
    kind: 'decimal',
    width: 9,
  }));
  const columns: ReportColumn[] = [
    { key: 'index', header: '序号', kind: 'center', width: 6 },
    { key: 'code', header: '机构编码', kind: 'text', width: 10 },
    { key: 'clinic', header: '村卫生室', kind: 'text', width: 16, total: 'count' },
    ...monthCols,
    { key: 'score', header: '季度得分', group: '季度考核', kind: 'decimal', width: 9 },
    { key: 'grade', header: '等级', group: '季度考核', kind: 'center', width: 8 },
    { key: 'passed', header: '是否合格', group: '季度考核', kind: 'center', width: 8, total: 'yes' },
    { key: 'note', header: '备注', kind: 'text', width: 22 },
  ];
  const rows = r.rows.map((row, i): Record<string, ReportValue> => {
    const cells = Object.fromEntries(row.months.map((m, j) => [`m${j + 1}`, m.vetoed ? 0 : points(m.totalTenths)]));
    const notes = [
      ...row.months.filter((m) => m.totalTenths === null).map((m) => `${Number(m.month.slice(5, 7))}月未督导`),
      ...row.months.filter((m) => m.vetoed).map((m) => `${Number(m.month.slice(5, 7))}月一票否决`),
    ];
    return {
      index: i + 1,
      code: row.clinicCode,
      clinic: row.clinicName,
      ...cells,
      score: points(row.scoreTenths),
      grade: row.grade ?? '未考核',
      passed: row.passed === null ? '未考核' : row.passed ? '是' : '否',
      note: notes.join('；'),
    };
  });
  const assessed = r.rows.filter((x) => x.passed !== null);
  return {
    ...base(db, when, 'quarter', QUARTER_TITLE, q),
    figures: {
      clinics: r.rows.length,
      assessed: assessed.length,
      passed: assessed.filter((x) => x.passed === true).length,
      failed: assessed.filter((x) => x.passed === false).length,
      p5People: r.p5.length,
      passLine: rule.passLine,
    },
    tables: [
      {
        sheetName: '季度考核',
        title: QUARTER_TITLE,
        columns,
        rows,
        totals: computeTotals(columns, rows),
        summary: {
          title: `合格线 ${rule.passLine} 分（含）；优秀 ≥ ${rule.gradeExcellent}，良好 ≥ ${rule.gradeGood}；季度得分为已督导月份平均分，四舍五入保留一位小数（P6）`,
          header: ['两次考核不合格的村医（P5）', '所在村卫生室', '不合格季度'],
          kinds: ['text', 'text', 'text'],
          rows: r.p5.length ? r.p5.map((f) => [f.name, f.clinics, f.failedQuarters.join('、')]) : [['无', '', '']],
        },
      },
    ],
  };
}

export function buildAllocationReport(db: Db, when: ReportWhen): ReportData {
  const q = quarterFrom(when);
  if (!when.poolYuan) throw new AppError('VALIDATION', '请填写资金总额（元）', { field: 'poolYuan' });
  const fundName = when.fundName ?? `${quarterLabel(q)}绩效考核资金`;
  const a = computeAllocation(db, { quarter: `${q.year}Q${q.q}`, poolYuan: when.poolYuan, fundName, purpose: '' });
  const columns: ReportColumn[] = [
    { key: 'index', header: '序号', kind: 'center', width: 6 },
    { key: 'clinic', header: '村卫生室', kind: 'text', width: 16, total: 'count' },
    { key: 'score', header: '季度得分', kind: 'decimal', width: 9 },
    { key: 'grade', header: '等级', kind: 'center', width: 8 },
    { key: 'base', header: a.basisLabel, kind: 'int', width: 10, total: 'sum' },
    { key: 'amount', header: '分配金额（元）', kind: 'money', width: 14, total: 'sum' },
    { key: 'sign', header: '领款人签字', kind: 'text', width: 12 },
  ];
  const rows = a.lines.map((l, i): Record<string, ReportValue> => ({
    index: i + 1,
    clinic: l.clinicName,
    score: points(l.scoreTenths),
    grade: l.grade ?? '未考核',
    base: l.base,
    amount: l.amountFen,
    sign: '',
  }));
  return {
    ...base(db, when, 'allocation', ALLOCATION_TITLE, q),
    figures: {
      poolFen: a.poolFen,
      allocatedFen: a.allocatedFen,
      clinics: a.lines.length,
      sharing: a.lines.filter((l) => l.amountFen > 0).length,
    },
    tables: [
      {
        sheetName: '资金分配',
        title: ALLOCATION_TITLE,
        columns,
        rows,
        totals: computeTotals(columns, rows),
        summary: {
          title: `${fundName}：总额 ${(a.poolFen / 100).toFixed(2)} 元，按季度得分 × ${a.basisLabel}分配，考核不合格或未考核的不参与（P7）；不得使用基本药物制度补助（M3）${a.problem ? `。${a.problem}` : ''}`,
          header: ['项目', '金额（元）'],
          kinds: ['text', 'money'],
          rows: [
            ['资金总额', a.poolFen],
            ['已分配', a.allocatedFen],
          ],
        },
      },
    ],
  };
}
