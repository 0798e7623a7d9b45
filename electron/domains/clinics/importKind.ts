/**
 * Importing the clinic register (村卫生室名册). Most clerks' lists have no 机构编码, so a row is
 * matched by its code when the file has one, else by the clinic's name however it is written
 * (lookup.ts: 张庄村卫生室 = 张庄卫生室 = 张庄村). A code the database does not know yet is matched
 * by name too, and fills in the code of a clinic registered without one. Villages are written by name, several in one cell
 * (张庄村、李营村 for a 合建 clinic, C4); a name ending in （延伸） counts as an extension village,
 * as the app's own export writes it. An unknown village name is an error of that row.
 */
import type { z } from 'zod';
import { clinicInput } from '../../../shared/schemas/clinics';
import type { Db } from '../../db/open';
import { compactText } from '../../../shared/text';
import { clinicByCode, clinicNameKey, clinicsNamed, type ClinicRef } from './lookup';
import { clinicForImport, insertClinic, updateClinic } from './service';
import type { FieldDef, FieldProblem, FieldValues, ImportKind } from '../../excel/import/types';

/** The closure line the 村卫生室 return puts first in a closed clinic's 备注 (returns.ts). */
const CLOSURE_LINE = /^\d{4}-\d{2}-\d{2}撤销：[^\n]*(\n|$)/;

type ClinicValues = z.output<typeof clinicInput>;

export const clinicFields: readonly FieldDef[] = [
  { key: 'code', label: '机构编码', synonyms: ['编码', '机构代码', '卫生室编码', '机构编号'], type: 'text' },
  {
    key: 'name',
    label: '卫生室名称',
    synonyms: ['名称', '村卫生室名称', '机构名称', '村卫生室'],
    type: 'text',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'address', label: '地址', synonyms: ['详细地址', '所在地址'], type: 'text' },
  {
    key: 'property',
    label: '产权',
    synonyms: ['产权性质', '房屋产权', '产权归属'],
    type: 'enum',
    // 其他 first of its kind: the first spelling names the value in notes and messages.
    choices: {
      公有产权: 'public',
      公有: 'public',
      公办: 'public',
      卫生院: 'public',
      乡镇卫生院: 'public',
      其他: 'other',
      集体: 'other',
      私有: 'other',
      个人: 'other',
      租用: 'other',
      租赁: 'other',
    },
  },
  { key: 'buildingArea', label: '业务用房面积', synonyms: ['面积', '业务用房', '建筑面积', '房屋面积'], type: 'number' },
  { key: 'insurancePoint', label: '医保定点', synonyms: ['是否医保定点', '医保定点机构'], type: 'bool' },
  { key: 'headName', label: '负责人', synonyms: ['卫生室负责人', '负责人姓名'], type: 'text' },
  { key: 'hostVillageIds', label: '所在村', synonyms: ['服务村', '服务的村', '服务行政村', '所在行政村'], type: 'list' },
  { key: 'extensionVillageIds', label: '延伸村', synonyms: ['延伸服务的邻村', '延伸服务村', '邻村延伸'], type: 'list' },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', multiline: true },
];

const EXTENSION_MARK = /[（(]延伸[)）]$/;

function villageId(db: Db, name: string): number | undefined {
  const find = db.prepare('SELECT id FROM villages WHERE name = ?').pluck();
  // "张庄" for 张庄村: clerks drop the 村 as often as not.
  const id = find.get(name) ?? (name.endsWith('村') ? undefined : find.get(`${name}村`));
  return id === undefined ? undefined : Number(id);
}

function resolveNames(db: Db, names: readonly string[], key: string, problems: FieldProblem[]): { host: number[]; extension: number[] } {
  const host: number[] = [];
  const extension: number[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const isExtension = EXTENSION_MARK.test(raw);
    const name = raw.replace(EXTENSION_MARK, '');
    const id = villageId(db, name);
    if (id === undefined) unknown.push(name);
    else (isExtension || key === 'extensionVillageIds' ? extension : host).push(id);
  }
  if (unknown.length > 0) {
    problems.push({ key, message: `没有名为 ${unknown.map((n) => `“${n}”`).join('、')} 的行政村，请先导入或新增这些村` });
  }
  return { host, extension };
}

/**
 * The clinic a row without a known code names: the one of the same name however written, and
 * among several such (张庄村卫生室 and 张庄卫生室 both on file) the one written exactly so. A row
 * with a new code only matches a clinic that has none yet (a later import with codes fills them in).
 */
function sameClinic(db: Db, values: FieldValues, memo: Map<string, unknown>): { found?: ClinicRef; candidates: ClinicRef[] } {
  const code = typeof values.code === 'string' ? values.code : '';
  const name = typeof values.name === 'string' ? values.name : '';
  if (!name) return { candidates: [] };
  const candidates = clinicsNamed(db, name, memo).filter((c) => code === '' || c.code === '');
  const written = compactText(name);
  const exact = candidates.find((c) => compactText(c.name) === written);
  return { found: exact ?? (candidates.length === 1 ? candidates[0] : undefined), candidates };
}

export const clinicKind: ImportKind<ClinicValues> = {
  name: 'clinics',
  title: '村卫生室',
  entity: 'clinic',
  fields: clinicFields,
  schema: clinicInput,
  // C3: a clinic's property belongs to the center unless the sheet says otherwise.
  defaults: {
    address: '',
    property: 'public',
    buildingArea: 0,
    insurancePoint: false,
    headName: '',
    hostVillageIds: [],
    extensionVillageIds: [],
    note: '',
  },

  keyOf(values) {
    if (typeof values.code === 'string' && values.code) return values.code;
    // The name as written; the same clinic written two ways is caught in checkPlan.
    return typeof values.name === 'string' && values.name ? compactText(values.name) : undefined;
  },
  keyField: 'name',

  findExisting(db, _key, values, memo) {
    const code = typeof values.code === 'string' ? values.code : '';
    const byCode = code ? clinicByCode(db, code, memo) : undefined;
    const found = byCode ?? sameClinic(db, values, memo).found;
    return found ? clinicForImport(db, found.id) : null;
  },

  toInput(db, values: FieldValues, _today, memo) {
    const problems: FieldProblem[] = [];
    const code = typeof values.code === 'string' ? values.code : '';
    const { hostVillageIds: hostNames, extensionVillageIds: extensionNames, ...rest } = values;
    const input: Record<string, unknown> = { ...rest };
    // Issue 12 item 3: the 村卫生室 return writes a closed clinic's closure as the 备注's first line
    // (2025-06-30撤销：…); read back, that line is not part of the note.
    if (typeof input.note === 'string') input.note = input.note.replace(CLOSURE_LINE, '');
    if (code === '' || !clinicByCode(db, code, memo)) {
      const { found, candidates } = sameClinic(db, values, memo);
      // Found by its name written another way (张庄卫生室 for 张庄村卫生室): the name on file stays.
      if (found) input.name = found.name;
      else if (candidates.length > 1) {
        const names = candidates.map((c) => `“${c.name}”`).join('、');
        problems.push({ key: 'name', message: `可能是 ${names} 中的一个，请写出卫生室的全称或填写机构编码` });
      }
    }
    const host: number[] = [];
    const extension: number[] = [];
    if (Array.isArray(hostNames)) {
      const r = resolveNames(db, hostNames, 'hostVillageIds', problems);
      host.push(...r.host);
      extension.push(...r.extension);
    }
    if (Array.isArray(extensionNames)) extension.push(...resolveNames(db, extensionNames, 'extensionVillageIds', problems).extension);
    if (Array.isArray(hostNames)) input.hostVillageIds = [...new Set(host)];
    // A （延伸） name in the village column is an extension village too.
    if (Array.isArray(extensionNames) || extension.length > 0) input.extensionVillageIds = [...new Set(extension)];
    return { input, problems };
  },

  describe(v) {
    return v.code ? `${v.code} ${v.name}` : v.name;
  },

  checkPlan(_db, rows) {
    // One clinic named twice, written two ways (张庄村卫生室, 张庄卫生室): two rows for a clinic on
    // file, or two new rows that would make two clinics.
    const problems = new Map<number, FieldProblem[]>();
    const first = new Map<string, number>();
    for (const r of rows) {
      const key = r.existingId !== null ? `#${r.existingId}` : clinicNameKey(r.values.name);
      const earlier = first.get(key);
      if (earlier !== undefined)
        problems.set(r.row, [{ key: 'name', message: `与第 ${earlier} 行是同一个卫生室（名称写法不同），同一卫生室只能出现一次` }]);
      else first.set(key, r.row);
    }
    return problems;
  },

  save(ctx, values, existingId) {
    if (existingId === null) return insertClinic(ctx, values);
    updateClinic(ctx, existingId, values);
    return existingId;
  },
};
