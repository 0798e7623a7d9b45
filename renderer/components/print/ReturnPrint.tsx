/**
 * A return (报表) on A4, drawn from the same data its workbook is written from (returns.data,
 * rule R1), laid out as the workbook: per table its title, 填报单位 left and the period or date
 * right, the two-level header (repeated on every page), the rows (never cut across pages), the
 * 合计 row, the summary block, the alerts when the return carries them, and the signature line.
 * Each table starts a new page, in landscape when it is wide (shared/reportPaper.ts); the page
 * margin carries 第 N 页 共 M 页 (print.css).
 */
import type { CSSProperties } from 'react';
import { cellText, headerRows, isLandscape, reportPeriodText, signatureParts, tableWidth, totalText } from '../../../shared/reportPaper';
import type { ReportDataOut, ReportSummaryOut, ReportTableOut } from '../../../shared/schemas/returns';
import { PrintSheet, PrintView } from './PrintView';

type Alerts = NonNullable<ReportDataOut['alerts']>;

/** Printable width of A4 between the margins (print.css @page return-*), in mm. */
const PAPER_WIDTH_MM = { portrait: 186, landscape: 273 } as const;
/** About how many mm one Excel character unit takes per point of font size. */
const MM_PER_UNIT_PT = 0.18;
/** A cell's left and right padding and borders, in mm. */
const CELL_PADDING_MM = 1.8;

/**
 * The font size that lets the table fill the paper's width as Excel's "fit to one page wide"
 * does: smaller for a wide table, never below 6.5 pt (still legible) nor above 10 pt.
 */
function fontSizeFor(table: ReportTableOut, landscape: boolean): number {
  const width = PAPER_WIDTH_MM[landscape ? 'landscape' : 'portrait'];
  const pt = (width - table.columns.length * CELL_PADDING_MM) / (tableWidth(table.columns) * MM_PER_UNIT_PT);
  return Math.round(Math.min(10, Math.max(6.5, pt)) * 10) / 10;
}

function isNumeric(kind: ReportTableOut['columns'][number]['kind']): boolean {
  return kind === 'int' || kind === 'decimal' || kind === 'money';
}

function cellClass(kind: ReportTableOut['columns'][number]['kind']): string | undefined {
  if (isNumeric(kind)) return 'num';
  return kind === 'center' || kind === 'date' ? 'center' : undefined;
}

function UnitRow(props: { unit: string; period: string }) {
  return (
    <div className="print-meta return-meta">
      <span>填报单位：{props.unit}</span>
      <span>{props.period}</span>
    </div>
  );
}

function Summary(props: { summary: ReportSummaryOut }) {
  const { summary } = props;
  const spans = summary.header.map((_, i) => summary.spans?.[i] ?? 1);
  const total = spans.reduce((s, n) => s + n, 0);
  return (
    <div className="return-summary">
      <div className="return-summary-title">{summary.title}</div>
      <table className="print-table return-table">
        <colgroup>
          {spans.map((n, i) => (
            <col key={i} style={{ width: `${(n / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {summary.header.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row, r) => (
            <tr key={r}>
              {summary.header.map((_, i) => (
                <td key={i} className={cellClass(summary.kinds[i] ?? 'text')}>
                  {cellText(summary.kinds[i], row[i])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The open alerts a return carries (rule IDs first), when no summary of its tables lists them already. */
function AlertList(props: { alerts: Alerts }) {
  return (
    <div className="return-summary">
      <div className="return-summary-title">预警事项（共 {props.alerts.length} 条）</div>
      <table className="print-table return-table">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>规则</th>
            <th style={{ width: '22%' }}>事项</th>
            <th style={{ width: '20%' }}>对象</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {props.alerts.map((a, i) => (
            <tr key={i}>
              <td className="center">{a.rule}</td>
              <td>{a.title}</td>
              <td>{a.subject}</td>
              <td>{a.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Signatures(props: { report: ReportDataOut }) {
  return (
    <div className="print-signatures return-signatures">
      {signatureParts(props.report).map((p) => (
        <span key={p.label} className="print-signature">
          {p.label}：{p.name || <span className="print-blank" />}
        </span>
      ))}
    </div>
  );
}

function TableSheet(props: { report: ReportDataOut; table: ReportTableOut; alerts?: Alerts }) {
  const { report, table } = props;
  const landscape = isLandscape(table.columns);
  const width = tableWidth(table.columns);
  const bold = new Set(table.emphasis ?? []);
  const style: CSSProperties = { fontSize: `${fontSizeFor(table, landscape)}pt` };
  const header = headerRows(table.columns);
  return (
    <PrintSheet landscape={landscape} className="return-sheet">
      <header className="print-header">
        <h1 className="print-title">{table.title}</h1>
        <UnitRow unit={report.unit} period={reportPeriodText(report)} />
      </header>
      <table className="print-table return-table" style={style} data-testid="return-table">
        <colgroup>
          {table.columns.map((c) => (
            <col key={c.key} style={{ width: `${(c.width / width) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          {header.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => (
                <th key={i} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className={bold.has(r) ? 'return-emphasis' : undefined}>
              {table.columns.map((c) => (
                <td key={c.key} className={cellClass(c.kind)}>
                  {cellText(c.kind, row[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot>
            <tr className="return-totals">
              {table.columns.map((c, i) => (
                <td key={c.key} className={i === 0 ? 'center' : cellClass(c.kind)}>
                  {totalText(c, i, table.totals ?? {})}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
      {table.rows.length === 0 && <div className="return-empty">（本期无数据）</div>}
      {table.summary && <Summary summary={table.summary} />}
      {props.alerts && props.alerts.length > 0 && <AlertList alerts={props.alerts} />}
      <Signatures report={report} />
    </PrintSheet>
  );
}

/** Whether a summary of the return's tables already lists its alerts (the staffing return's 预警事项 block). */
function alertsInSummary(report: ReportDataOut): boolean {
  return report.tables.some((t) => t.summary?.header.includes('规则'));
}

export function ReturnPrint(props: { report: ReportDataOut; onClose: () => void }) {
  const { report } = props;
  const alerts = report.alerts && !alertsInSummary(report) ? report.alerts : undefined;
  const last = report.tables.length - 1;
  const wide = report.tables.some((t) => isLandscape(t.columns));
  return (
    <PrintView
      title={`${report.title}（打印预览）`}
      onClose={props.onClose}
      hint={`打印时请选择 A4 纸${wide ? '（宽表为横向）' : ''}；也可在打印对话框中选“另存为 PDF”。`}
    >
      {report.tables.map((t, i) => (
        <TableSheet key={i} report={report} table={t} alerts={i === last ? alerts : undefined} />
      ))}
    </PrintView>
  );
}
