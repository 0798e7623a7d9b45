/**
 * Issue 12 item 4, a page's own table on paper: its columns (header, width, kind, reader) become
 * the ViewColumns and records ListPrint prints, so a number, a date and an enum read on paper
 * as on every grid's paper (22,600; 1,234.50; labels), and the 进销存's ten figure columns turn
 * the sheet landscape like any wide list.
 */
import { describe, expect, it } from 'vitest';
import { screenText } from '../../shared/views';
import { planListPaper } from '../../renderer/components/print/listPrintPlan';
import { toPrintRecords, type PrintColumn } from '../../renderer/components/print/rowsPrintColumns';

interface Row {
  name: string;
  people: number;
  fen: number;
  status: 'open' | 'closed';
  on: string | null;
}

const columns: PrintColumn<Row>[] = [
  { header: '名称', width: 16, value: (r) => r.name },
  { header: '人数', width: 8, kind: 'int', value: (r) => r.people },
  { header: '金额(元)', width: 11, kind: 'money', value: (r) => r.fen },
  { header: '状态', width: 7, kind: 'enum', labels: { open: '进行中', closed: '已结束' }, value: (r) => r.status },
  { header: '日期', width: 13, kind: 'date', value: (r) => r.on },
];

describe('toPrintRecords', () => {
  it('reads each row into one field per column, in order, with the kinds the paper formats by', () => {
    const rows: Row[] = [
      { name: '东村', people: 22600, fen: 123450, status: 'open', on: '2026-12-01' },
      { name: '西村', people: 0, fen: 0, status: 'closed', on: null },
    ];
    const out = toPrintRecords(columns, rows);
    expect(out.columns.map((c) => [c.id, c.header, c.kind])).toEqual([
      ['c0', '名称', 'text'],
      ['c1', '人数', 'int'],
      ['c2', '金额(元)', 'money'],
      ['c3', '状态', 'enum'],
      ['c4', '日期', 'date'],
    ]);
    expect(out.records).toEqual([
      { c0: '东村', c1: 22600, c2: 123450, c3: 'open', c4: '2026-12-01' },
      { c0: '西村', c1: 0, c2: 0, c3: 'closed', c4: null },
    ]);
    const [, people, money, status, on] = out.columns;
    const first = out.records[0] ?? {};
    expect(people && screenText(people, first.c1)).toBe('22,600');
    expect(money && screenText(money, first.c2)).toBe('1,234.50');
    expect(status && screenText(status, first.c3)).toBe('进行中');
    expect(on && screenText(on, out.records[1]?.c4)).toBe('');
  });

  it('leaves a narrow list portrait and turns the ledger’s eleven columns landscape', () => {
    const seq = { width: 5 };
    expect(planListPaper([seq, ...toPrintRecords(columns.slice(0, 3), []).columns]).landscape).toBe(false);
    const pair = (t: string): PrintColumn<Row>[] => [
      { header: `${t}数量`, width: 8, kind: 'int', value: () => 0 },
      { header: `${t}金额(元)`, width: 11, kind: 'money', value: () => 0 },
    ];
    const ledger: PrintColumn<Row>[] = [
      { header: '单位', width: 22, value: (r) => r.name },
      ...pair('期初'),
      ...pair('入库'),
      ...pair('出库'),
      { header: '其中使用', width: 8, kind: 'int', value: () => 0 },
      ...pair('期末'),
    ];
    expect(planListPaper([seq, ...toPrintRecords(ledger, []).columns]).landscape).toBe(true);
  });
});
