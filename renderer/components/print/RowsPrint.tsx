/**
 * Paper for the lists that are not on the common grid (issue 12 item 4): an antd table whose
 * rows the page already holds (资产盘点, 目标责任书, 月度督导, 季度考核, 进销存 …) prints through
 * the same ListPrint as every grid — title, 单位, 打印日期, 共 N 条, the header row on every
 * page, 第 N 页 共 M 页, the signature lines, portrait or landscape by the columns' widths. The
 * page describes its columns once (header, width in characters, kind, and how to read a row) and
 * puts a PrintRowsButton beside its table; Ctrl+P on the page opens the same view
 * (listPrintKeys.ts), never the browser's print of the screen.
 *
 *   <PrintRowsButton title="资产盘点" rows={rows} columns={[
 *     { header: '盘点名称', width: 24, value: (r) => r.title },
 *     { header: '开始日期', width: 11, kind: 'date', value: (r) => r.startedOn },
 *   ]} />
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { ListPrint } from './ListPrint';
import { registerListPrint } from './listPrintKeys';
import { toPrintRecords, type PrintColumn } from './rowsPrintColumns';

export type { PrintColumn } from './rowsPrintColumns';

export interface RowsPrintProps<Row> {
  /** The printed title, saying what the rows are of (a month, a year, a place) when the page shows one. */
  title: string;
  columns: readonly PrintColumn<Row>[];
  /** The rows as the page shows them (after its search and filters). */
  rows: readonly Row[];
  /** Which rows these are, for the 筛选 line: 搜索“东”；状态：未签. All rows when absent. */
  note?: string;
  /** Rows that head or sum others (小计, 合计, a 考核项目): bold on paper, without a 序号, not counted. */
  isSummary?: (row: Row) => boolean;
}

/** The field of a printed record marking a summary row; not a column, so never printed. */
const SUMMARY = '__summary';

/** The print view of rows already loaded. */
export function RowsPrint<Row>(props: RowsPrintProps<Row> & { onClose: () => void }) {
  const { columns, rows } = props;
  const { isSummary } = props;
  const paper = useMemo(() => {
    const p = toPrintRecords(columns, rows);
    return isSummary ? { ...p, records: p.records.map((r, i) => ({ ...r, [SUMMARY]: isSummary(rows[i] as Row) })) } : p;
  }, [columns, rows, isSummary]);
  return (
    <ListPrint
      title={props.title}
      columns={paper.columns}
      rows={paper.records}
      filterLine={props.note || '无（全部记录）'}
      isSummary={(r) => r[SUMMARY] === true}
      onClose={props.onClose}
    />
  );
}

/**
 * 打印 for a page's own table, opening RowsPrint; while it is on screen, Ctrl+P opens it too.
 * `scope` is the element holding the table (Ctrl+P prefers the list with the focus); the button
 * itself when not given. `rows` is null while the page is still reading them.
 */
export function PrintRowsButton<Row>(
  props: Omit<RowsPrintProps<Row>, 'rows'> & { rows: readonly Row[] | null; scope?: RefObject<HTMLElement | null>; testId?: string },
) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { scope } = props;
  const loaded = props.rows !== null;
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  useEffect(
    () =>
      registerListPrint(
        () => scope?.current ?? buttonRef.current,
        () => (loadedRef.current ? setOpen(true) : void message.info('列表还在读取，请稍候再打印')),
      ),
    [scope],
  );
  return (
    <>
      <Button
        ref={buttonRef}
        icon={<PrinterOutlined />}
        disabled={!loaded}
        onClick={() => setOpen(true)}
        title="打印本列表（Ctrl+P）：当前显示的行"
        data-testid={props.testId}
      >
        打印
      </Button>
      {open && props.rows && (
        <RowsPrint
          title={props.title}
          columns={props.columns}
          rows={props.rows}
          note={props.note}
          isSummary={props.isSummary}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
