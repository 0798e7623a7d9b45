/**
 * Any list on A4 (issue 12 item 4): the rows of the list's current query (search, filters, sort)
 * in the clerk's visible columns and their order, read in full from the list operation — not the
 * screen, which holds one page and cuts columns. On paper: the title, 单位 and 打印日期, a line
 * saying which rows these are and how many, a table whose header row repeats on every page and
 * whose rows are never cut in two, 第 N 页 共 M 页 at the foot (print.css), and the 制表人 / 审核人 /
 * 负责人 lines the county's workbooks end with. Landscape and a smaller font when the columns
 * are many (listPrintPlan.ts). A page with its own table passes the rows it holds instead of a
 * query (RowsPrint.tsx), and gets the same paper.
 */
import { Alert } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { chineseDate, todayIso } from '../../../shared/format';
import type { ListQuery, Page } from '../../../shared/schemas/common';
import { isNumberKind, screenText, type ViewColumn } from '../../../shared/views';
import { call, errorMessage } from '../../api';
import { fetchAllRows } from './fetchAllRows';
import { describeListQuery, planListPaper } from './listPrintPlan';
import { PrintHeader, PrintSheet, PrintView, SignatureLine } from './PrintView';

/** The 序号 column the county's lists start with, in view width units. */
const SEQ_COLUMN = { width: 5 };

/**
 * Where the rows come from: a list operation read in full for the query (the common grid), or
 * rows a page already holds (its own antd table, print/RowsPrint.tsx), with the words for what
 * they are in place of the query's 筛选 line.
 */
type ListPrintSource<Row> =
  | { query: Pick<ListQuery, 'search' | 'sort' | 'filters'>; fetchPage: (q: ListQuery) => Promise<Page<Row>>; rows?: undefined }
  | { rows: readonly Row[]; filterLine: string; query?: undefined; fetchPage?: undefined };

export type ListPrintProps<Row> = ListPrintSource<Row> & {
  /** The printed title: the view's, or the page's when it adds what the list is of (a month, a place). */
  title: string;
  /** The clerk's visible columns, in their order. */
  columns: ViewColumn[];
  /** A row that heads or sums others (小计, 合计, a 考核项目): bold, without a 序号, not counted in 共 N 条. */
  isSummary?: (row: Row) => boolean;
  onClose: () => void;
};

type Loaded<Row> =
  { state: 'loading'; read: number; total: number | null } | { state: 'done'; rows: Row[] } | { state: 'refused'; message: string };

export function ListPrint<Row extends object>(props: ListPrintProps<Row>) {
  const { title, columns, query, fetchPage } = props;
  const [unit, setUnit] = useState('');
  const [loaded, setLoaded] = useState<Loaded<Row>>({ state: 'loading', read: 0, total: null });
  const queryText = JSON.stringify(query);

  useEffect(() => {
    let cancelled = false;
    call('app.info', {}).then(
      (i) => !cancelled && setUnit(i.centerName),
      () => undefined,
    );
    // Rows the page already holds need no reading.
    if (fetchPage && query)
      fetchAllRows(fetchPage, JSON.parse(queryText) as typeof query, {
        onProgress: (read, total) => !cancelled && setLoaded({ state: 'loading', read, total }),
        isCancelled: () => cancelled,
      }).then(
        (r) => !cancelled && setLoaded(r.ok ? { state: 'done', rows: r.rows } : { state: 'refused', message: r.message }),
        (e: unknown) => !cancelled && setLoaded({ state: 'refused', message: `读取数据失败：${errorMessage(e)}` }),
      );
    return () => {
      cancelled = true;
    };
    // fetchPage is stable per list; the query text captures every input.
  }, [queryText]);

  const paper = useMemo(() => planListPaper([SEQ_COLUMN, ...columns]), [columns]);
  const [seqPercent, ...colPercents] = paper.colPercents;
  const filterLine = query ? describeListQuery(columns, query) : props.filterLine;
  const rows = props.rows ?? (loaded.state === 'done' ? loaded.rows : null);
  const n = (x: number) => x.toLocaleString('en-US');
  const summary = rows?.map((r) => props.isSummary?.(r) ?? false) ?? [];
  let counted = 0;
  const seqs = summary.map((s) => (s ? 0 : ++counted));

  return (
    <PrintView
      title={`打印：${title}`}
      onClose={props.onClose}
      ready={rows !== null}
      hint={`A4 ${paper.landscape ? '横向' : '纵向'}；打印时请选择 A4 纸，也可在打印对话框中选“另存为 PDF”。`}
    >
      {!rows && loaded.state === 'loading' && (
        <div className="list-print-status no-print" data-testid="list-print-progress">
          {loaded.total === null ? '正在读取…' : `正在读取 ${n(loaded.read)} / ${n(loaded.total)} 条…`}
        </div>
      )}
      {loaded.state === 'refused' && (
        <div className="list-print-status no-print">
          <Alert type="warning" showIcon title={loaded.message} data-testid="list-print-refused" />
        </div>
      )}
      {rows && (
        <PrintSheet landscape={paper.landscape} className="list-print-sheet">
          <PrintHeader title={title} unit={unit} right={`打印日期：${chineseDate(todayIso())}`} />
          <div className="list-print-filter" data-testid="list-print-filter">
            <span>筛选：{filterLine}</span>
            <span className="list-print-count">共 {n(counted)} 条</span>
          </div>
          <table className="print-table list-print-table" style={{ fontSize: `${paper.fontPt}pt` }} data-testid="list-print-table">
            <colgroup>
              <col style={{ width: `${seqPercent ?? 0}%` }} />
              {columns.map((c, i) => (
                <col key={c.id} style={{ width: `${colPercents[i] ?? 0}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                {columns.map((c) => (
                  <th key={c.id}>{c.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} style={summary[i] ? { fontWeight: 'bold' } : undefined}>
                  <td className="num seq">{summary[i] ? '' : seqs[i]}</td>
                  {columns.map((c) => (
                    <td key={c.id} className={isNumberKind(c.kind) ? 'num' : undefined}>
                      {screenText(c, (row as Record<string, unknown>)[c.id])}
                    </td>
                  ))}
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={columns.length + 1} className="list-print-empty">
                    没有符合条件的记录
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <SignatureLine labels={['制表人', '审核人', '负责人']} withDate />
        </PrintSheet>
      )}
    </PrintView>
  );
}
