/**
 * The header matcher (electron/excel/import/headers.ts) against the four import kinds' real
 * fields: clerks' variants of each column name, the villages-served columns, false
 * friends that must not be taken for a field, columns that could be two fields, and the
 * assignment of columns to fields across a whole header row.
 */
import { describe, expect, it } from 'vitest';
import { assetFields } from '../../electron/domains/assets/import/fields';
import { clinicFields } from '../../electron/domains/clinics/importKind';
import { rosterFields } from '../../electron/domains/people/import/fields';
import { villageFields } from '../../electron/domains/villages/importKind';
import { fieldForHeader, findHeader, headerScores, MATCH_THRESHOLD } from '../../electron/excel/import/headers';
import type { FieldDef } from '../../electron/excel/import/types';

const kinds: Record<string, readonly FieldDef[]> = {
  villages: villageFields,
  clinics: clinicFields,
  roster: rosterFields,
  assets: assetFields,
};

/** [kind, header as written, the field it is read as (undefined: stays unknown)]. */
const cases: [string, string, string | undefined][] = [
  // The issue: the villages a clinic serves, however the column is headed.
  ['clinics', '覆盖行政村', 'hostVillageIds'],
  ['clinics', '服务村庄', 'hostVillageIds'],
  ['clinics', '覆盖村', 'hostVillageIds'],
  ['clinics', '服务行政村（个）', 'hostVillageIds'],
  ['clinics', '服务的行政村', 'hostVillageIds'],
  ['clinics', '覆盖行政村名称', 'hostVillageIds'],
  ['clinics', '所在行政村', 'hostVillageIds'],
  ['clinics', '所在村', 'hostVillageIds'],
  ['clinics', '邻村延伸', 'extensionVillageIds'],
  ['clinics', '延伸服务村', 'extensionVillageIds'],
  // 延伸 is the extension column's word, though 服务的村 is the host column's name.
  ['clinics', '延伸覆盖的村', 'extensionVillageIds'],
  // 服务人口 is a village's figure, never the villages served.
  ['clinics', '服务人口', undefined],
  ['clinics', '村卫生室名称', 'name'],
  ['clinics', '卫生室名', 'name'],
  ['clinics', '机构名称', 'name'],
  ['clinics', '所在村卫生室', 'name'],
  ['clinics', '机构代码', 'code'],
  ['clinics', '卫生室编号', 'code'],
  ['clinics', '村卫生室负责人', 'headName'],
  ['clinics', '负责人电话', undefined],
  ['clinics', '电话', undefined],
  ['clinics', '是否医保定点', 'insurancePoint'],
  ['clinics', '业务用房面积（㎡）', 'buildingArea'],
  ['clinics', '房屋产权性质', 'property'],
  ['villages', '服务人口', 'servicePopulation'],
  ['villages', '覆盖人口', 'servicePopulation'],
  ['villages', '常住人口（人）', 'servicePopulation'],
  ['villages', '户籍人数', 'residentPopulation'],
  ['villages', '行政村', 'name'],
  ['villages', '村庄名称', 'name'],
  ['villages', '距卫生院距离（km）', 'distanceKm'],
  ['villages', '每月巡诊次数（次）', 'patrolVisitsPerMonth'],
  ['villages', '联系电话', undefined],
  // A population in 万人 means ten thousand times more: no field is in 万人.
  ['villages', '服务人口（万人）', undefined],
  ['roster', '身份证号码', 'idNumber'],
  ['roster', '公民身份号码', 'idNumber'],
  ['roster', '身份证件号', 'idNumber'],
  ['roster', '出生年月', 'birthDate'],
  ['roster', '出生年月日', 'birthDate'],
  ['roster', '出生日期', 'birthDate'],
  ['roster', '发证日期', 'issuedOn'],
  ['roster', '发证时间', 'issuedOn'],
  ['roster', '执业类别', 'qualKind'],
  ['roster', '执业资格类别', 'qualKind'],
  ['roster', '执业证书类别', 'qualKind'],
  ['roster', '聘用形式', 'employmentKind'],
  ['roster', '用工形式', 'employmentKind'],
  ['roster', '聘用方式', 'employmentKind'],
  ['roster', '合同起止时间', 'contract'],
  ['roster', '合同起止年月', 'contract'],
  ['roster', '合同开始', 'contractStart'],
  ['roster', '合同起始', 'contractStart'],
  ['roster', '合同到期日', 'contractEnd'],
  ['roster', '卫生室名称', 'clinic'],
  ['roster', '所在村卫生室名称', 'clinic'],
  ['roster', '工作单位', 'clinic'],
  ['roster', '村医姓名', 'name'],
  ['roster', '配偶姓名', undefined],
  ['roster', '年龄', undefined],
  ['roster', '家庭住址', undefined],
  ['roster', '政治面貌', undefined],
  ['roster', '执业证书有效期', 'validUntil'],
  ['roster', '是否参加养老保险', 'pension'],
  ['roster', '第一学历', 'education'],
  ['roster', '编制情况', 'establishment'],
  ['roster', '岗位（职务）', 'role'],
  ['assets', '原值（元）', 'valueFen'],
  ['assets', '原值（万元）', 'valueWan'],
  ['assets', '原值(万元)', 'valueWan'],
  ['assets', '资产原值', 'valueFen'],
  ['assets', '资产原值（万元）', 'valueWan'],
  ['assets', '原值万元', 'valueWan'],
  ['assets', '存放地点', 'location'],
  ['assets', '存放位置', 'location'],
  ['assets', '使用科室', 'location'],
  ['assets', '所在单位', 'clinic'],
  ['assets', '使用单位', 'clinic'],
  ['assets', '取得日期', 'acquiredOn'],
  ['assets', '购置日期', 'acquiredOn'],
  ['assets', '购置时间', 'acquiredOn'],
  ['assets', '入账日期', 'inServiceOn'],
  ['assets', '原资产号', 'oldCode'],
  ['assets', '资产代码', 'oldCode'],
  ['assets', '保管人姓名', 'custodian'],
  ['assets', '折旧年限（年）', 'lifeYears'],
  ['assets', '固定资产名称', 'name'],
  ['assets', '资产类型', 'category'],
  // Other quantities of an asset, not its value, life or unit.
  ['assets', '累计折旧', undefined],
  ['assets', '累计折旧金额', undefined],
  ['assets', '净值', undefined],
  ['assets', '使用状况', undefined],
  ['assets', '生产单位', undefined],
];

describe('header matching: each header against a kind’s fields', () => {
  it.each(cases)('%s: “%s” → %s', (kind, header, expected) => {
    expect(fieldForHeader(header, kinds[kind] as readonly FieldDef[])?.key).toBe(expected);
  });

  it('has the cases the issue asks for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter(([, , f]) => f === undefined).length).toBeGreaterThanOrEqual(10);
  });

  it('scores an exact name 1 and an unrelated header under the threshold', () => {
    const scores = headerScores('服务村', clinicFields);
    expect(scores[clinicFields.findIndex((f) => f.key === 'hostVillageIds')]).toBe(1);
    expect(Math.max(...headerScores('家庭住址', rosterFields))).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('header matching: a whole header row', () => {
  const header = (cells: string[], fields: readonly FieldDef[], title = '表') => findHeader([{ number: 1, cells }], fields, title);

  it('gives a field to the best column, whatever the order, and names the duplicate', () => {
    const h = header(['卫生室名', '村卫生室名称', '机构编码'], clinicFields);
    expect(h.columns.map((c) => [c.column, c.field])).toEqual([
      ['B', 'name'],
      ['C', 'code'],
    ]);
    expect(h.unknown).toEqual([{ column: 'A', header: '卫生室名（与后面的“卫生室名称”列重复）' }]);
  });

  it('says how a column not named outright was read', () => {
    const h = header(['机构编码', '名称', '覆盖行政村', '服务人口'], clinicFields);
    const villages = h.columns.find((c) => c.header === '覆盖行政村');
    expect(villages).toMatchObject({ field: 'hostVillageIds', label: '所在村', note: '按“所在村”读取' });
    expect(villages?.alternatives).toBeUndefined();
    expect(h.columns.find((c) => c.header === '名称')?.note).toBeUndefined();
    expect(h.unknown).toEqual([{ column: 'D', header: '服务人口' }]);
  });

  it('shows a column that could be two fields with the choice made', () => {
    const h = header(
      ['村名', '人口'],
      villageFields.map((f) => ({ ...f, requiredColumn: false })),
    );
    expect(h.columns[1]).toMatchObject({
      header: '人口',
      field: 'residentPopulation',
      alternatives: ['服务人口'],
      note: '也可能是“服务人口”，按“户籍人口”读取',
    });
    const roster = header(['姓名', '身份证号', '类别'], rosterFields);
    // 类别 ends 人员类别, 执业类别, 聘用类型 and 编制类型 alike: the first field is taken, the others shown.
    expect(roster.columns[2]).toMatchObject({ field: 'category', alternatives: ['执业类别', '聘用形式', '编制'] });
    expect(roster.columns[2]?.note).toBe('也可能是“执业类别”、“聘用形式”或“编制”，按“人员类别”读取');
  });

  it('does not offer a field another column already has as an alternative', () => {
    const h = header(['村名', '人口', '服务人口'], villageFields);
    expect(h.columns.map((c) => [c.header, c.field, c.alternatives])).toEqual([
      ['村名', 'name', undefined],
      ['人口', 'residentPopulation', undefined],
      ['服务人口', 'servicePopulation', undefined],
    ]);
  });

  it('keeps a 万元 column apart from the 元 column, and ignores 序号', () => {
    const h = header(['序号', '原资产编号', '资产名称', '原值（元）', '资产原值（万元）'], assetFields);
    expect(h.columns.map((c) => c.field)).toEqual(['oldCode', 'name', 'valueFen', 'valueWan']);
    expect(h.unknown).toEqual([]);
  });

  it('finds the row of column names below a title and a group row that match a few fields too', () => {
    const h = findHeader(
      [
        { number: 1, cells: ['河阳镇村卫生室基本情况表'] },
        { number: 2, cells: ['基本情况', '', '', '执业资格', '保险'] },
        { number: 3, cells: ['姓名', '公民身份号码', '工作单位', '执业资格类别', '养老保险'] },
        { number: 4, cells: ['王小丽', '410823199005010021', '郑店村卫生室', '执业助理医师', '是'] },
      ],
      rosterFields,
      '乡村医生花名册',
    );
    expect(h.row).toBe(3);
    expect(h.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'clinic', 'qualKind', 'pension']);
  });
});
