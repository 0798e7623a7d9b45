/**
 * A return on paper reads as its workbook (shared/reportPaper.ts, rule R1): each cell as its
 * number format shows it (money in 元 from 分, 0.0#, the Chinese date), the 合计 cells (13个,
 * 24人), the two-level header with groups spanning their columns, and the orientation rule
 * the workbook's page setup uses.
 */
import { describe, expect, it } from 'vitest';
import { cellText, headerRows, isLandscape, reportPeriodText, totalText } from '../../shared/reportPaper';
import type { ReportColumnOut } from '../../shared/schemas/returns';

const col = (key: string, kind: ReportColumnOut['kind'], extra: Partial<ReportColumnOut> = {}): ReportColumnOut => ({
  key,
  header: key,
  kind,
  width: 10,
  ...extra,
});

describe('cells on paper', () => {
  it('shows money held in 分 as 元 with two decimals and separators, decimals as 0.0#, days the Chinese way', () => {
    expect(cellText('money', 659430000)).toBe('6,594,300.00');
    expect(cellText('money', -5)).toBe('-0.05');
    expect(cellText('money', 0)).toBe('0.00');
    expect(cellText('decimal', 47.8)).toBe('47.8');
    expect(cellText('decimal', 48)).toBe('48.0');
    expect(cellText('decimal', 1.234)).toBe('1.23');
    expect(cellText('int', 17830)).toBe('17830');
    expect(cellText('date', '2026-03-05')).toBe('2026年3月5日');
    expect(cellText('date', '起始日期不详')).toBe('起始日期不详');
    expect(cellText('text', '2026-03-05')).toBe('2026-03-05');
    expect(cellText('text', null)).toBe('');
    expect(cellText('int', Number.NaN)).toBe('');
  });

  it('writes the 合计 row as the workbook: 合计 first, counts in text columns with their unit, money in 元', () => {
    const cols = [
      col('index', 'center'),
      col('name', 'text'),
      col('people', 'text', { countUnit: '人' }),
      col('value', 'money'),
      col('pct', 'decimal'),
    ];
    const totals = { name: 13, people: 24, value: 123456, pct: 47.8 };
    expect(cols.map((c, i) => totalText(c, i, totals))).toEqual(['合计', '13个', '24人', '1,234.56', '47.8']);
  });
});

describe('the header', () => {
  it('has one row without groups, two with groups spanning their neighbouring columns', () => {
    expect(headerRows([{ header: '序号' }, { header: '名称' }])).toEqual([
      [
        { text: '序号', colSpan: 1, rowSpan: 1 },
        { text: '名称', colSpan: 1, rowSpan: 1 },
      ],
    ]);
    const rows = headerRows([
      { header: '序号' },
      { header: '应配', group: '人员配备' },
      { header: '实有', group: '人员配备' },
      { header: '备注' },
      { header: '原值', group: '价值' },
    ]);
    expect(rows[0]).toEqual([
      { text: '序号', colSpan: 1, rowSpan: 2 },
      { text: '人员配备', colSpan: 2, rowSpan: 1 },
      { text: '备注', colSpan: 1, rowSpan: 2 },
      { text: '价值', colSpan: 1, rowSpan: 1 },
    ]);
    expect(rows[1]?.map((c) => c.text)).toEqual(['应配', '实有', '原值']);
  });

  it('turns the paper to landscape past the workbook’s 95 character units, and names the days of the unit row', () => {
    expect(isLandscape([{ width: 50 }, { width: 45 }])).toBe(false);
    expect(isLandscape([{ width: 50 }, { width: 46 }])).toBe(true);
    expect(reportPeriodText({ date: '2026-12-06', asOf: '2026-12-06' })).toBe('填报日期：2026年12月6日');
    expect(reportPeriodText({ date: '2026-12-06', asOf: '2026-06-30' })).toBe('统计日期：2026年6月30日\u3000\u3000填报日期：2026年12月6日');
    expect(reportPeriodText({ date: '2026-12-06', asOf: '2026-12-06', period: '统计月份：2026年11月' })).toBe('统计月份：2026年11月');
  });
});
