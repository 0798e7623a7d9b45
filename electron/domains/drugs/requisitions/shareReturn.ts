/**
 * 基本药物配备使用情况 (issue 10 part 8; D3, D8): per clinic for a month, the share outside the
 * essential list by value and by items of (1) what it was equipped with — its approved
 * requisition (配备), with each line's flag as fixed on it — and (2) what it used that month —
 * movements of kind 'use' at the clinic, valued at their batch price, each drug's flag from the
 * edition in force on the month's 1st; each against the D3 limits (strictly above is over, the
 * rule's own integer comparison), and the township's total. The township's item counts are the
 * clinics' counts added up (a drug used in three clinics is three clinic-items).
 */
import { essentialShare, type ShareLine, type ShareResult } from '../../../../shared/rules/essentialShare';
import { lastDayOf, sharePercent } from '../../../../shared/rules/requisitionMonths';
import { makeContext } from '../../../db/context';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { fitWidths, type ReportColumn, type ReportData, type ReportValue, type ReportWhen } from '../../../excel/returns/types';
import { reportHead } from '../../assets/returns/common';
import { monthText } from '../purchase/planReturn';
import { drugsOnFirst } from './figures';
import { shareLimits } from './read';

export const ESSENTIAL_SHARE_TITLE = '基本药物配备使用情况';

function group(prefix: 'req' | 'use', label: string): ReportColumn[] {
  const g = label;
  return [
    { key: `${prefix}Items`, header: '品种数', group: g, kind: 'int', width: 7, total: 'sum' },
    { key: `${prefix}OutsideItems`, header: '非基药品种', group: g, kind: 'int', width: 8, total: 'sum' },
    {
      key: `${prefix}ItemPct`,
      header: '品种占比%',
      group: g,
      kind: 'decimal',
      width: 8,
      total: { percentOf: [`${prefix}OutsideItems`, `${prefix}Items`] },
    },
    { key: `${prefix}Fen`, header: '金额（元）', group: g, kind: 'money', width: 11, total: 'sum' },
    { key: `${prefix}OutsideFen`, header: '非基药金额（元）', group: g, kind: 'money', width: 11, total: 'sum' },
    {
      key: `${prefix}ValuePct`,
      header: '金额占比%',
      group: g,
      kind: 'decimal',
      width: 8,
      total: { percentOf: [`${prefix}OutsideFen`, `${prefix}Fen`] },
    },
    { key: `${prefix}Over`, header: '超出', group: g, kind: 'center', width: 8 },
  ];
}

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'clinicName', header: '村卫生室', kind: 'text', width: 16, total: 'count' },
  ...group('req', '配备（已批准请领单）'),
  ...group('use', '使用（本月销售）'),
];

function overText(s: ShareResult): string {
  return [s.overByValue ? '金额' : '', s.overByItems ? '品种' : ''].filter(Boolean).join('、');
}

function cells(prefix: 'req' | 'use', s: ShareResult): Record<string, ReportValue> {
  return {
    [`${prefix}Items`]: s.totalItems,
    [`${prefix}OutsideItems`]: s.outsideItems,
    [`${prefix}ItemPct`]: sharePercent(s.outsideItems, s.totalItems),
    [`${prefix}Fen`]: s.totalFen,
    [`${prefix}OutsideFen`]: s.outsideFen,
    [`${prefix}ValuePct`]: sharePercent(s.outsideFen, s.totalFen),
    [`${prefix}Over`]: overText(s),
  };
}

export function buildEssentialShareReport(db: Db, when: ReportWhen & { month?: string }): ReportData {
  const month = when.month ?? when.today.slice(0, 7);
  const ctx = makeContext(db, '报表');
  const limits = shareLimits(db);
  const clinics = stmt(
    db,
    `SELECT id, name FROM clinics c WHERE status = 'open'
        OR EXISTS (SELECT 1 FROM requisitions r WHERE r.clinic_id = c.id AND r.month = @month)
        OR EXISTS (SELECT 1 FROM stock_movements m WHERE m.clinic_id = c.id AND m.kind = 'use' AND m.moved_on BETWEEN @from AND @to)
      ORDER BY coalesce(code, ''), name, id`,
  ).all({ month, from: `${month}-01`, to: lastDayOf(month) }) as { id: number; name: string }[];
  const reqLines = stmt(
    db,
    `SELECT l.drug_id AS drugId, l.essential, l.packs * l.price_fen AS amountFen FROM requisitions r
       JOIN requisition_lines l ON l.requisition_id = r.id WHERE r.clinic_id = ? AND r.month = ? AND r.status = 'approved'`,
  );
  const useLines = stmt(
    db,
    `SELECT drug_id AS drugId, -sum(amount_fen) AS amountFen FROM stock_movements
      WHERE clinic_id = ? AND kind = 'use' AND moved_on BETWEEN ? AND ? GROUP BY drug_id`,
  );
  const rows: Record<string, ReportValue>[] = [];
  const all = { req: [] as ShareLine[], use: [] as ShareLine[] };
  const overs = { req: 0, use: 0 };
  clinics.forEach((c, i) => {
    const req = (reqLines.all(c.id, month) as { drugId: number; essential: number; amountFen: number }[]).map((l) => ({
      drugId: l.drugId,
      essential: l.essential === 1,
      amountFen: l.amountFen,
    }));
    const usedRaw = useLines.all(c.id, `${month}-01`, lastDayOf(month)) as { drugId: number; amountFen: number }[];
    const flags = drugsOnFirst(
      ctx,
      month,
      usedRaw.map((u) => u.drugId),
    );
    const use = usedRaw.map((u) => ({ drugId: u.drugId, essential: flags.get(u.drugId)?.essential ?? false, amountFen: u.amountFen }));
    const rs = essentialShare(req, limits);
    const us = essentialShare(use, limits);
    if (rs.over) overs.req++;
    if (us.over) overs.use++;
    // Township: every clinic's drug is its own item (clinic-items), so ids are made distinct per clinic.
    all.req.push(...req.map((l) => ({ ...l, drugId: c.id * 1e7 + l.drugId })));
    all.use.push(...use.map((l) => ({ ...l, drugId: c.id * 1e7 + l.drugId })));
    rows.push({ index: i + 1, clinicName: c.name, ...cells('req', rs), ...cells('use', us) });
  });
  const townReq = essentialShare(all.req, limits);
  const townUse = essentialShare(all.use, limits);
  const limitText = `非基药上限：金额 ${Math.round(limits.maxValueShare * 1000) / 10}%、品种 ${Math.round(limits.maxItemShare * 1000) / 10}%（D3，超过上限为超出，恰好等于不算）`;
  return {
    name: 'essential-share',
    title: ESSENTIAL_SHARE_TITLE,
    ...reportHead(db),
    date: when.today,
    asOf: lastDayOf(month),
    period: `统计月份：${monthText(month)}\u3000${limitText}`,
    figures: {
      clinics: clinics.length,
      reqTotalFen: townReq.totalFen,
      reqOutsideFen: townReq.outsideFen,
      reqItems: townReq.totalItems,
      reqOutsideItems: townReq.outsideItems,
      reqOverClinics: overs.req,
      useTotalFen: townUse.totalFen,
      useOutsideFen: townUse.outsideFen,
      useItems: townUse.totalItems,
      useOutsideItems: townUse.outsideItems,
      useOverClinics: overs.use,
    },
    tables: [
      {
        sheetName: '基药配备使用',
        title: `${ESSENTIAL_SHARE_TITLE}（${monthText(month)}）`,
        columns: fitWidths(columns, rows, 24),
        rows,
        totals: {
          clinicName: clinics.length,
          ...Object.fromEntries(
            Object.entries({ ...cells('req', townReq), ...cells('use', townUse) }).filter(
              (e): e is [string, number] => typeof e[1] === 'number',
            ),
          ),
        },
      },
    ],
  };
}
