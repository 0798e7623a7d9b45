/**
 * One row of a requisition sheet: a clinic, a drug and packs. The framework reads and checks
 * the rows of each sheet with this kind (header below title rows, columns by score, 合计 and
 * signature rows passed over, bad rows named); workbook.ts then gathers them per clinic into
 * requisitions and writes them. `sheetClinic`: the clinic a sheet is named after, for the
 * one-sheet-per-clinic form (its rows need no clinic column).
 */
import { z } from 'zod';
import { toHalfWidth } from '../../../../../shared/text';
import { idSchema } from '../../../../../shared/schemas/common';
import { AppError } from '../../../../db/errors';
import type { Db } from '../../../../db/open';
import { stmt } from '../../../../db/stmt';
import type { FieldProblem, FieldValues, ImportKind, ImportOptions } from '../../../../excel/import/types';
import { lookupClinic } from '../../../clinics/lookup';
import { matchDrug } from '../../receipts/drugMatch';
import { requisitionFields } from './fields';

// The clinic and drug are optional only because toInput reports a name it cannot find on its own
// column; a row without them never reaches the schema's success (its problems stop it).
export const lineSchema = z.object({
  clinicId: idSchema.optional(),
  clinicName: z.string().default(''),
  drugId: idSchema.optional(),
  drugLabel: z.string().default(''),
  packs: z.number().int().min(1, '数量至少为 1').max(1_000_000, '数量过大'),
  note: z.string().default(''),
});
export type ImportLine = z.output<typeof lineSchema>;

const str = (v: FieldValues[string]): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** "10", "10盒", "10 盒", "1,000", 10 → packs and the unit written (''), or a problem. */
export function readPacks(v: FieldValues[string]): { packs: number; unit: string } | string {
  if (typeof v === 'number') return Number.isInteger(v) ? { packs: v, unit: '' } : `数量应为整数个包装，实际是 ${v}`;
  const s = toHalfWidth(String(v ?? '')).replace(/[,\s]/g, '');
  const m = /^(\d+(?:\.0+)?)([\u4e00-\u9fff]{0,2})$/.exec(s);
  if (!m) return `数量应填整数个包装（如 10 或 10盒），实际是“${String(v)}”`;
  return { packs: Number(m[1]), unit: m[2] ?? '' };
}

export interface SheetClinic {
  id: number;
  name: string;
}

function clinicOf(db: Db, written: string, memo: Map<string, unknown>): SheetClinic | FieldProblem {
  const found = lookupClinic(db, written, memo);
  if (found.ok) {
    if (found.clinic.status !== 'open') return { key: 'clinic', message: `“${found.clinic.name}”已撤销，不能再请领药品` };
    return { id: found.clinic.id, name: found.clinic.name };
  }
  if (found.candidates.length > 1)
    return {
      key: 'clinic',
      message: `“${written}”可能是 ${found.candidates.map((c) => `“${c.name}”`).join('、')}，请写出卫生室的全称或机构编码`,
    };
  return { key: 'clinic', message: `没有名为“${written}”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室` };
}

export function requisitionLineKind(_opts: ImportOptions = {}, sheetClinic?: SheetClinic): ImportKind<ImportLine> {
  return {
    name: 'requisitions',
    title: '药品请领单',
    entity: 'requisition',
    fields: requisitionFields,
    schema: lineSchema,
    defaults: {},
    withOptions: (o) => requisitionLineKind(o, sheetClinic),
    // Rows are gathered per clinic and drug in workbook.ts, where one drug written two ways is found too.
    keyOf: () => undefined,
    findExisting: () => null,
    toInput(db, values, _today, memo, reported = []) {
      const problems: FieldProblem[] = [];
      const input: Record<string, unknown> = { note: str(values.note) ?? '' };
      const has = (key: string) => reported.some((p) => p.key === key);
      const written = str(values.clinic);
      if (sheetClinic) {
        const named = written ? clinicOf(db, written, memo) : sheetClinic;
        if ('id' in named && named.id !== sheetClinic.id) {
          problems.push({ key: 'clinic', message: `写的是“${written ?? ''}”，但本工作表是“${sheetClinic.name}”的请领单，请核对` });
        }
        input.clinicId = sheetClinic.id;
        input.clinicName = sheetClinic.name;
      } else if (!written) {
        if (!has('clinic')) problems.push({ key: 'clinic', message: '请填写村卫生室（或把每个卫生室的请领单放在以卫生室命名的工作表里）' });
      } else {
        const c = clinicOf(db, written, memo);
        if ('key' in c) problems.push(c);
        else Object.assign(input, { clinicId: c.id, clinicName: c.name });
      }
      const code = str(values.platformCode);
      const name = str(values.drugName);
      const drug =
        code || name
          ? matchDrug(db, memo, { code, name, spec: str(values.spec), maker: str(values.maker) })
          : ({ ok: false, key: 'drugName', message: '请填写平台编码或药品名称' } as const);
      let packUnit = '';
      if (drug.ok) {
        const d = stmt(db, 'SELECT generic_name, spec, pack_unit FROM drugs WHERE id = ?').get(drug.id) as {
          generic_name: string;
          spec: string;
          pack_unit: string;
        };
        Object.assign(input, { drugId: drug.id, drugLabel: `${d.generic_name}${d.spec ? ` ${d.spec}` : ''}` });
        packUnit = d.pack_unit;
      } else if (!has(drug.key)) problems.push({ key: drug.key, message: drug.message });
      if (!has('packs') && values.packs !== undefined) {
        const p = readPacks(values.packs);
        if (typeof p === 'string') problems.push({ key: 'packs', message: p });
        else {
          input.packs = p.packs;
          const unit = p.unit || str(values.unit) || '';
          if (unit && packUnit && unit !== packUnit) {
            problems.push({
              key: p.unit ? 'packs' : 'unit',
              message: `单位“${unit}”与目录中该药品的包装单位“${packUnit}”不同：请领数量按包装单位（${packUnit}）填写`,
            });
          }
        }
      }
      return { input, problems };
    },
    describe: (v) => `${v.clinicName}：${v.drugLabel} ${v.packs}`,
    save() {
      // Never reached: requisitions are written per clinic by workbook.ts, not row by row.
      throw new AppError('BAD_REQUEST', '药品请领单须按卫生室整张导入，请从“导入 Excel”页面或命令行 import requisitions 导入');
    },
  };
}
