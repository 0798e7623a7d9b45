/** The tolerant readers of the import framework: cells and header names as clerks write them. */
import { describe, expect, it } from 'vitest';
import { isBlank, plainValue, toBool, toIsoDate, toList, toNumber, toText } from '../../electron/excel/import/cells';
import { toDateRange, toDayOrMonth } from '../../electron/excel/import/dates';
import { fieldForHeader, findHeader, normalizeHeader } from '../../electron/excel/import/headers';
import { clinicFields } from '../../electron/domains/clinics/importKind';
import { villageFields } from '../../electron/domains/villages/importKind';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERR ${r.reason}`);

describe('cell values', () => {
  it('reduces rich text, formula results, hyperlinks and blanks to one plain value', () => {
    expect(plainValue({ richText: [{ text: '张' }, { text: '庄村 ' }] })).toBe('张庄村');
    expect(plainValue({ formula: 'B2+1', result: 1201 })).toBe(1201);
    expect(plainValue({ sharedFormula: 'B2', result: '李营村' })).toBe('李营村');
    expect(plainValue({ formula: 'B2+1' })).toBe('');
    expect(plainValue({ text: '卫生室', hyperlink: 'http://x' })).toBe('卫生室');
    expect(plainValue(null)).toBe('');
    expect(plainValue('\u3000河阳村\u00a0')).toBe('河阳村');
    expect(isBlank('/')).toBe(true);
    expect(isBlank('—')).toBe(true);
    expect(isBlank(0)).toBe(false);
  });

  it('reads numbers typed as text, with separators, full-width digits and units', () => {
    expect(value(toNumber('1,250'))).toBe(1250);
    expect(value(toNumber('１，２５０'))).toBe(1250);
    expect(value(toNumber(' 3.5 公里'))).toBe(3.5);
    expect(value(toNumber('120㎡'))).toBe(120);
    expect(value(toNumber(800))).toBe(800);
    expect(value(toNumber('约一千'))).toBe('ERR 应填数字，实际是“约一千”');
    expect(value(toNumber(true))).toMatch(/^ERR/);
  });

  it('reads 是/否 in the ways clerks write them', () => {
    for (const yes of ['是', '√', '✓', 'Y', 'yes', 1, true, '有']) expect(value(toBool(yes)), String(yes)).toBe(true);
    for (const no of ['否', '×', 'x', 'N', 0, false, '无']) expect(value(toBool(no)), String(no)).toBe(false);
    expect(value(toBool('也许'))).toBe('ERR 应填“是”或“否”，实际是“也许”');
  });

  it('reads dates: Date cells, Excel serials and Chinese or dotted text', () => {
    expect(value(toIsoDate(new Date(Date.UTC(2026, 2, 5))))).toBe('2026-03-05');
    expect(value(toIsoDate(45292))).toBe('2024-01-01');
    expect(value(toIsoDate('45292'))).toBe('2024-01-01');
    expect(value(toIsoDate('2026年3月5日'))).toBe('2026-03-05');
    expect(value(toIsoDate('2026.3.5'))).toBe('2026-03-05');
    expect(value(toIsoDate('2026/03/05'))).toBe('2026-03-05');
    expect(value(toIsoDate('20260305'))).toBe('2026-03-05');
    expect(value(toIsoDate('2026-02-30'))).toMatch(/^ERR 不是有效的日期/);
    expect(value(toIsoDate('明年'))).toMatch(/^ERR/);
  });

  it('reads a month alone as its first day, in every form clerks type it', () => {
    for (const v of ['201905', 201905, '2019.05', '2019.5', '2019年5月', '2019-05', '2019/5', 2019.05])
      expect(value(toIsoDate(v)), String(v)).toBe('2019-05-01');
    expect(value(toIsoDate(20190501))).toBe('2019-05-01');
    expect(value(toIsoDate(43586))).toBe('2019-05-01');
    expect(value(toIsoDate(2019.12))).toBe('2019-12-01');
    expect(value(toIsoDate('2019.10'))).toBe('2019-10-01');
    // Excel keeps 2019.10 typed into a General cell as 2019.1: January or October cannot be told.
    expect(value(toIsoDate(2019.1))).toMatch(/^ERR .*可能是2019年1月也可能是10月/);
    expect(value(toIsoDate(2019))).toMatch(/^ERR .*只有年份/);
    expect(value(toIsoDate('201913'))).toMatch(/^ERR 不是有效的年月/);
    expect(value(toDayOrMonth('1985.11'))).toEqual({ iso: '1985-11', precision: 'month' });
    expect(value(toDayOrMonth('1985.11.20'))).toEqual({ iso: '1985-11-20', precision: 'day' });
  });

  it('reads a period in one cell: two days, two months, or a single date', () => {
    expect(value(toDateRange('2023.06.01-2026.05.31'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('2023-06-01-2026-05-31'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('2023年6月1日至2026年5月31日'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('2023/6/1 — 2026/5/31'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('20230601～20260531'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('2023.06-2026.05'))).toEqual(['2023-06-01', '2026-05-31']);
    expect(value(toDateRange('２０２４．０２－２０２７．０１'))).toEqual(['2024-02-01', '2027-01-31']);
    expect(value(toDateRange('2029年4月30日'))).toEqual(['2029-04-30']);
    expect(value(toDateRange(new Date(Date.UTC(2029, 3, 30))))).toEqual(['2029-04-30']);
    expect(value(toDateRange('2026.05.31-2023.06.01'))).toMatch(/^ERR 结束日期 2023-06-01 早于开始日期 2026-05-31/);
    expect(value(toDateRange('三年'))).toMatch(/^ERR 应填起止日期/);
    expect(value(toDateRange('2023.06.01-2026.05.31-2029.05.31'))).toMatch(/^ERR 应填起止日期/);
  });

  it('splits lists on 、 , ， ; and spaces', () => {
    expect(toList('张庄村、李营村,王屯村， 赵坡村  刘湾村;陈家村')).toEqual(['张庄村', '李营村', '王屯村', '赵坡村', '刘湾村', '陈家村']);
    expect(toText(12)).toBe('12');
  });
});

describe('header names', () => {
  it('normalises spaces, line breaks, full-width brackets, required marks and colons', () => {
    expect(normalizeHeader(' *服务 人口\n（人）：')).toBe('服务人口(人)');
    expect(normalizeHeader('【备注】')).toBe('[备注]');
  });

  it('recognises synonyms and variants of each column', () => {
    const key = (h: string) => fieldForHeader(h, villageFields)?.key;
    expect(key('行政村名称')).toBe('name');
    expect(key('*村  名')).toBe('name');
    expect(key('常住人口（人）')).toBe('servicePopulation');
    expect(key('是否卫生院驻地')).toBe('isCenterSeat');
    expect(key('卫生院驻地')).toBe('isCenterSeat');
    expect(key('距离(公里)')).toBe('distanceKm');
    expect(key('距卫生院距离（km）')).toBe('distanceKm');
    expect(key('联系电话')).toBeUndefined();
    expect(fieldForHeader('是否医保定点', clinicFields)?.key).toBe('insurancePoint');
    expect(fieldForHeader('业务用房面积（㎡）', clinicFields)?.key).toBe('buildingArea');
    expect(fieldForHeader('编码', clinicFields)?.key).toBe('code');
  });

  it('finds the header below merged title rows and lists unknown columns', () => {
    const rows = [
      { number: 1, cells: ['行政村基本情况表', '行政村基本情况表'] },
      { number: 2, cells: ['填报单位：河阳镇卫生院'] },
      { number: 4, cells: ['序号', '服务人口', '联系电话', '*村名', '', '户籍人口'] },
      { number: 5, cells: [1, 800, '138', '新村', '', 900] },
    ];
    const h = findHeader(rows, villageFields, '行政村');
    expect(h.row).toBe(4);
    expect(h.columns.map((c) => [c.column, c.field])).toEqual([
      ['B', 'servicePopulation'],
      ['D', 'name'],
      ['F', 'residentPopulation'],
    ]);
    expect(h.unknown).toEqual([{ column: 'C', header: '联系电话' }]);
  });

  it('refuses a sheet without the required columns, naming them', () => {
    const rows = [{ number: 1, cells: ['村名', '备注'] }];
    expect(() => findHeader(rows, villageFields, '行政村')).toThrow(/缺少必需的列：“服务人口”/);
    expect(() => findHeader([{ number: 1, cells: ['姓名', '电话'] }], villageFields, '行政村')).toThrow(/没有找到行政村表的表头/);
  });
});
