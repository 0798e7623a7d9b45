/**
 * The enum value matcher (electron/excel/import/values.ts, through convertCell) with the real
 * choice tables: widths, brackets and spaces, certificate endings, a main value with a
 * bracketed qualifier that sets another field (乡聘村用（编外） → 编制 编外), values read by
 * containment, and refusals that list every accepted value grouped by meaning. Then the plan:
 * notes reach the preview's rows, a qualifier fills a blank 编制 and contradicts a filled one.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assetFields } from '../../electron/domains/assets/import/fields';
import { clinicFields } from '../../electron/domains/clinics/importKind';
import { rosterFields } from '../../electron/domains/people/import/fields';
import { villageFields } from '../../electron/domains/villages/importKind';
import { convertCell } from '../../electron/excel/import/convert';
import { planImport } from '../../electron/excel/import/plan';
import type { FieldDef, ImportKind } from '../../electron/excel/import/types';
import { acceptedValues } from '../../electron/excel/import/values';
import type { Db } from '../../electron/db/open';
import { normalizeText, toHalfWidth } from '../../shared/text';

const kinds: Record<string, readonly FieldDef[]> = {
  villages: villageFields,
  clinics: clinicFields,
  roster: rosterFields,
  assets: assetFields,
};

function read(kind: string, key: string, cell: string) {
  const fields = kinds[kind] as readonly FieldDef[];
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Error(`no field ${kind}.${key}`);
  return convertCell(field, cell, fields);
}

/** [kind, field, cell, value, the note's text (undefined: read as written, no note), what it carries for another field]. */
const understood: [string, string, string, string, string | undefined, Record<string, string>?][] = [
  // The values.
  [
    'roster',
    'employmentKind',
    '乡聘村用（编外）',
    'township_hired',
    '“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”',
    { establishment: 'off' },
  ],
  [
    'roster',
    'employmentKind',
    '乡聘村用(余编)',
    'township_hired',
    '“乡聘村用(余编)”理解为“乡聘村用”，“编制”为“编内（余编）”',
    { establishment: 'spare' },
  ],
  ['roster', 'qualKind', '乡村医生执业证', 'village_doctor_cert', '“乡村医生执业证”理解为“乡村医生执业证书”'],
  // Other ways of writing a qualifier.
  [
    'roster',
    'employmentKind',
    '乡聘村用 编外',
    'township_hired',
    '“乡聘村用 编外”理解为“乡聘村用”，“编制”为“编外”',
    { establishment: 'off' },
  ],
  [
    'roster',
    'employmentKind',
    '乡聘村用/余编',
    'township_hired',
    '“乡聘村用/余编”理解为“乡聘村用”，“编制”为“编内（余编）”',
    { establishment: 'spare' },
  ],
  [
    'roster',
    'employmentKind',
    '乡聘村用编外',
    'township_hired',
    '“乡聘村用编外”理解为“乡聘村用”，“编制”为“编外”',
    { establishment: 'off' },
  ],
  [
    'roster',
    'employmentKind',
    '乡聘村用【编制外】',
    'township_hired',
    '“乡聘村用【编制外】”理解为“乡聘村用”，“编制”为“编外”',
    { establishment: 'off' },
  ],
  [
    'roster',
    'employmentKind',
    '乡镇聘用（无编制）',
    'township_hired',
    '“乡镇聘用（无编制）”理解为“乡聘村用”，“编制”为“编外”',
    { establishment: 'off' },
  ],
  ['roster', 'employmentKind', '乡聘村用（劳动合同）', 'township_hired', undefined],
  ['roster', 'employmentKind', '乡聘村用（乡镇聘用）', 'township_hired', '“乡聘村用（乡镇聘用）”理解为“乡聘村用”'],
  ['roster', 'employmentKind', '县聘乡用人员', 'county_hired', '“县聘乡用人员”理解为“县聘乡用”'],
  // Certificate endings.
  ['roster', 'qualKind', '乡村医生执业证书', 'village_doctor_cert', undefined],
  ['roster', 'qualKind', '乡村医生执业资格', 'village_doctor_cert', '“乡村医生执业资格”理解为“乡村医生执业证书”'],
  ['roster', 'qualKind', '执业医师资格证', 'licensed_physician', '“执业医师资格证”理解为“执业医师”'],
  ['roster', 'qualKind', '执业医师证书', 'licensed_physician', '“执业医师证书”理解为“执业医师”'],
  ['roster', 'qualKind', '执业助理医师证', 'assistant_physician', '“执业助理医师证”理解为“执业助理医师”'],
  ['roster', 'qualKind', '临床执业助理医师资格证书', 'assistant_physician', '“临床执业助理医师资格证书”理解为“执业助理医师”'],
  ['roster', 'qualKind', '中医（专长）医师证书', 'tcm_specialty', '“中医（专长）医师证书”理解为“中医（专长）医师”'],
  ['roster', 'qualKind', '中医(专长)医师', 'tcm_specialty', undefined],
  ['roster', 'qualKind', '中医（专长）', 'tcm_specialty', '“中医（专长）”理解为“中医（专长）医师”'],
  ['roster', 'qualKind', '执业助理医师（乡村全科）', 'rural_gp_assistant', '“执业助理医师（乡村全科）”理解为“乡村全科执业助理医师”'],
  ['roster', 'qualKind', '全科执业助理', 'rural_gp_assistant', '“全科执业助理”理解为“乡村全科执业助理医师”'],
  ['roster', 'qualKind', '乡村医生证', 'village_doctor_cert', undefined],
  // Width, spaces, case.
  ['roster', 'sex', '男性', 'M', undefined],
  ['roster', 'sex', 'Ｍ', 'M', undefined],
  ['roster', 'sex', ' 女 ', 'F', undefined],
  ['roster', 'qualKind', '执业 助理 医师', 'assistant_physician', undefined],
  ['roster', 'role', '负责　人', 'head', undefined],
  ['roster', 'establishment', '编内(余编)', 'spare', undefined],
  // Levels and categories.
  ['roster', 'education', '大专学历', '大学专科', '“大专学历”理解为“大学专科”'],
  ['roster', 'education', '本科毕业', '大学本科', '“本科毕业”理解为“大学本科”'],
  ['roster', 'education', '函授大专', '大学专科', '“函授大专”理解为“大学专科”'],
  ['roster', 'education', '大专（函授）', '大学专科', '“大专（函授）”理解为“大学专科”（括号中的“函授”未导入）'],
  ['roster', 'education', '中专（卫校）', '中专', '“中专（卫校）”理解为“中专”'],
  ['roster', 'education', '小学毕业', '初中及以下', '“小学毕业”理解为“初中及以下”'],
  ['roster', 'category', '派驻人员', 'center_staff', undefined],
  ['roster', 'category', '乡村医生（退休返聘）', 'village_doctor', '“乡村医生（退休返聘）”理解为“乡村医生”（括号中的“退休返聘”未导入）'],
  // Other kinds' enums.
  ['clinics', 'property', '集体所有', 'other', '“集体所有”理解为“其他”'],
  ['clinics', 'property', '公有产权', 'public', undefined],
  ['villages', 'altCoverage', '巡诊（每月2次）', 'patrol', '“巡诊（每月2次）”理解为“巡诊”（括号中的“每月2次”未导入）'],
  ['villages', 'altCoverage', '派驻人员', 'dispatch', '“派驻人员”理解为“派驻”'],
  ['assets', 'funding', '财政拨款资金', 'fiscal', '“财政拨款资金”理解为“财政拨款”'],
  ['assets', 'funding', '中央财政', 'fiscal', '“中央财政”理解为“财政拨款”'],
  ['assets', 'funding', '社会捐赠（红十字会）', 'donation', '“社会捐赠（红十字会）”理解为“捐赠”（括号中的“红十字会”未导入）'],
];

describe('enum values as clerks write them', () => {
  it.each(understood)('%s.%s: “%s” → %s', (kind, key, cell, value, note, also) => {
    const r = read(kind, key, cell);
    expect(r).toEqual({
      ok: true,
      value,
      ...(note ? { note } : {}),
      ...(also ? { also: { key: Object.keys(also)[0], value: Object.values(also)[0] } } : {}),
    });
  });

  it('has the cases the issue asks for', () => {
    expect(understood.length + refused.length).toBeGreaterThanOrEqual(40);
  });
});

/** [kind, field, cell, what the reason says besides the accepted values]. */
const refused: [string, string, string, RegExp][] = [
  ['roster', 'qualKind', '乡医', /实际是“乡医”$/],
  ['roster', 'qualKind', '助理', /“助理”可能是“执业助理医师”或“乡村全科执业助理医师”，请写明其中一个/],
  ['roster', 'qualKind', '执业医师/执业助理医师', /可能是“执业医师”或“执业助理医师”/],
  ['roster', 'qualKind', '执业助理医师（已注销）', /“已注销”说明它并不成立，无法导入/],
  ['roster', 'education', '本科（在读）', /“在读”说明它并不成立/],
  ['roster', 'role', '村医兼负责人', /可能是“负责人”或“村医”/],
  // 未知 itself reads as no value (the app's own word for a blank cell, convert.ts), so an unknown word is used here.
  ['roster', 'sex', '其他', /^应为以下之一：男（男性、m）；女（女性、f），实际是“其他”$/],
  ['roster', 'sex', '男士', /实际是“男士”/],
  ['roster', 'employmentKind', '乡聘村用（县聘乡用）', /可能是“乡聘村用”或“县聘乡用”/],
  [
    'roster',
    'employmentKind',
    '乡聘村用（非在编）',
    /“非在编”看不出“编制”是什么（“编制”应为以下之一：编内（余编）（余编、编内、编内余编、在编）；编外（编制外、无编制）；无）/,
  ],
  ['clinics', 'property', '非公有', /实际是“非公有”/],
  ['assets', 'funding', '上级拨款', /实际是“上级拨款”/],
];

describe('enum values refused', () => {
  it.each(refused)('%s.%s: “%s”', (kind, key, cell, says) => {
    const r = read(kind, key, cell);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(says);
  });

  it('lists every accepted value, grouped by what it means, not the first six', () => {
    const field = rosterFields.find((f) => f.key === 'qualKind') as FieldDef;
    const r = read('roster', 'qualKind', '乡医');
    if (r.ok) throw new Error('expected a refusal');
    for (const spelling of Object.keys(field.choices ?? {})) expect(r.reason).toContain(spelling);
    expect(r.reason).toBe(
      '应为以下之一：执业医师（临床执业医师、中医执业医师、医师）；执业助理医师（助理医师、临床执业助理医师、中医执业助理医师）；' +
        '乡村全科执业助理医师（乡村全科助理医师、乡村全科）；中医（专长）医师（中医专长医师、中医专长、中医医术确有专长）；' +
        '中等以上医学专业学历（医学中专、中专学历、中等医学学历）；乡村医生执业证书（乡村医生、乡村医生证、村医证），实际是“乡医”',
    );
    // Every enum of every kind lists all its spellings.
    for (const fields of Object.values(kinds)) {
      for (const f of fields.filter((x) => x.type === 'enum')) {
        const listed = acceptedValues(f);
        for (const spelling of Object.keys(f.choices ?? {})) expect(listed).toContain(spelling);
      }
    }
  });
});

describe('shared text helpers', () => {
  it('turns full-width forms into ASCII once, for every reader', () => {
    expect(toHalfWidth('ＡＢＣ１２３，．－（）：　￥')).toBe('ABC123,.-(): ¥');
    expect(toHalfWidth('、。【】')).toBe('、。【】');
    expect(normalizeText(' 乡聘村用 【编外】')).toBe('乡聘村用(编外)');
    expect(normalizeText('中医（专长）医师')).toBe(normalizeText('中医(专长)医师'));
  });
});

describe('the plan: notes and qualifiers per row', () => {
  const fields = rosterFields.filter((f) => ['name', 'employmentKind', 'establishment', 'qualKind'].includes(f.key));
  const schema = z.object({
    name: z.string(),
    employmentKind: z.string().optional(),
    establishment: z.string().optional(),
    qualKind: z.string().optional(),
  });
  const kind: ImportKind<z.output<typeof schema>> = {
    name: 'test',
    title: '测试',
    entity: 'test',
    fields,
    schema,
    defaults: {},
    keyOf: (v) => (typeof v.name === 'string' ? v.name : undefined),
    findExisting: () => null,
    toInput: (_db, values) => ({ input: { ...values }, problems: [] }),
    describe: (v) => v.name,
    save: () => 0,
  };
  const db = {} as Db;
  const grid = (rows: string[][]) => ({
    source: 't.xlsx',
    sheetName: 'Sheet1',
    rows: [{ number: 1, cells: ['姓名', '用工形式', '编制', '执业证书类别'] }, ...rows.map((cells, i) => ({ number: i + 2, cells }))],
  });

  it('fills a blank 编制 from the bracket, notes how each cell was read, and leaves rows written as expected without notes', () => {
    const p = planImport(
      db,
      kind,
      grid([
        ['甲', '乡聘村用（编外）', '', '乡村医生执业证'],
        ['乙', '乡聘村用(余编)', '余编', '执业助理医师'],
        ['丙', '个体', '', '执业医师'],
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.columns.find((c) => c.header === '执业证书类别')).toMatchObject({ field: 'qualKind', note: '按“执业类别”读取' });
    expect(p.create.map((r) => [r.row, r.values.employmentKind, r.values.establishment])).toEqual([
      [2, 'township_hired', 'off'],
      [3, 'township_hired', 'spare'],
      [4, 'self_employed', undefined],
    ]);
    expect(p.create[0]?.notes).toEqual([
      '“用工形式”：“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”',
      '“执业证书类别”：“乡村医生执业证”理解为“乡村医生执业证书”',
    ]);
    expect(p.create[1]?.notes).toEqual(['“用工形式”：“乡聘村用(余编)”理解为“乡聘村用”，“编制”为“编内（余编）”']);
    expect(p.create[2]?.notes).toBeUndefined();
  });

  it('names the row when the bracket contradicts the 编制 cell or a value means nothing, and plans nothing for it', () => {
    const p = planImport(
      db,
      kind,
      grid([
        ['甲', '乡聘村用（编外）', '余编', ''],
        ['乙', '乡聘村用', '', '乡医'],
        ['丙', '乡聘村用', '', ''],
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.columns])).toEqual([
      [2, ['用工形式']],
      [3, ['执业证书类别']],
    ]);
    expect(p.errors[0]?.message).toBe('第 2 行：“用工形式”：“乡聘村用（编外）”与“编制”列填写的不一致，请只在一处填写或改为一致');
    expect(p.errors[1]?.message).toMatch(
      /^第 3 行：“执业证书类别”：应为以下之一：执业医师（.*乡村医生执业证书（乡村医生、乡村医生证、村医证），实际是“乡医”$/,
    );
    expect(p.create.map((r) => r.row)).toEqual([4]);
  });
});
