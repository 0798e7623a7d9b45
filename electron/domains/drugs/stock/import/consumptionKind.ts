/**
 * Importing a month's use (`import consumption FILE --month M`, the 导入 page with its month):
 * one row per clinic and drug. Each row is checked as 登记使用 checks a line (../use.ts): the
 * drug taken FEFO from the clinic's own batches, D2 — a sale price unlike the purchase price of
 * those batches is refused with the row named —, and no more than the clinic holds (held N,
 * asked M). Rows are taken in sheet order, each seeing what the earlier rows of the same clinic
 * took, so a drug held at two prices is two rows. Dated the month's last day, or the row's 日期
 * (inside the month). A drug already recorded as used by the clinic that month at that price is
 * refused, so the same sheet imported twice adds nothing. All rows or none.
 */
import { z } from 'zod';
import { yuanText } from '../../../../../shared/format';
import { idSchema, isoDate } from '../../../../../shared/schemas/common';
import { useLine } from '../../../../../shared/schemas/stock';
import { AppError } from '../../../../db/errors';
import type { Db } from '../../../../db/open';
import { stmt } from '../../../../db/stmt';
import type { FieldProblem, FieldValues, ImportKind, ImportOptions } from '../../../../excel/import/types';
import { lookupClinic } from '../../../clinics/lookup';
import { matchDrug } from '../../receipts/drugMatch';
import { recordMovement } from '../movements';
import { monthEnd, monthStart } from '../places';
import { planUseLine } from '../use';
import { consumptionFields } from './fields';

// The clinic and drug are optional here only because toInput reports a name it cannot find on
// its own column; a row without them never reaches the schema's success (its problems stop it).
const rowSchema = useLine.extend({
  drugId: idSchema.optional(),
  clinicId: idSchema.optional(),
  movedOn: isoDate,
  /** For the preview's words only. */
  label: z.string().default(''),
});
type UseRowValues = z.output<typeof rowSchema>;

const str = (v: FieldValues[string]): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function clinicOf(db: Db, written: string, memo: Map<string, unknown>): { id: number; name: string } | FieldProblem {
  const found = lookupClinic(db, written, memo);
  if (found.ok) return { id: found.clinic.id, name: found.clinic.name };
  if (found.candidates.length > 1)
    return {
      key: 'clinic',
      message: `“${written}”可能是 ${found.candidates.map((c) => `“${c.name}”`).join('、')}，请写出卫生室的全称或机构编码`,
    };
  return { key: 'clinic', message: `没有名为“${written}”的村卫生室，请核对名称，或先在“村卫生室”中新增或导入该卫生室` };
}

function usedAtPrice(db: Db, clinicId: number, drugId: number, month: string, priceFen: number): number {
  return Number(
    stmt(
      db,
      `SELECT coalesce(-sum(packs), 0) FROM stock_movements
        WHERE clinic_id = ? AND drug_id = ? AND kind = 'use' AND sale_price_fen = ? AND moved_on >= ? AND moved_on <= ?`,
    )
      .pluck()
      .get(clinicId, drugId, priceFen, monthStart(month), monthEnd(month)),
  );
}

export function consumptionKind(opts: ImportOptions = {}): ImportKind<UseRowValues> {
  const month = opts.month ?? '';
  return {
    name: 'consumption',
    title: '村卫生室药品使用',
    entity: 'stock_use',
    fields: consumptionFields,
    schema: rowSchema,
    defaults: {},
    keyField: 'drugName',

    withOptions: (o) => consumptionKind(o),

    keyOf(values) {
      const clinic = str(values.clinic);
      const drug = str(values.platformCode) ?? `${str(values.drugName) ?? ''} ${str(values.spec) ?? ''}`.trim();
      if (!clinic || !drug) return undefined;
      const price = typeof values.salePriceFen === 'number' ? yuanText(values.salePriceFen) : '';
      return `${clinic}｜${drug}｜${price}｜${String(values.movedOn ?? '')}`;
    },

    notices(fields) {
      const out = [
        `使用记为 ${month} 月${fields.has('movedOn') ? '（有日期的行按该日期）' : `，日期 ${monthEnd(month)}`}；按先到期先用从该卫生室的批次中扣减`,
      ];
      if (!fields.has('platformCode')) out.push('表中没有平台编码列：按药品名称和规格（及生产企业）在目录中查找');
      return out;
    },

    findExisting: () => null,

    toInput(db, values, today, memo) {
      const problems: FieldProblem[] = [];
      const input: Record<string, unknown> = { packs: values.packs, salePriceFen: values.salePriceFen };
      const clinic = str(values.clinic) ? clinicOf(db, String(values.clinic), memo) : undefined;
      if (clinic && 'key' in clinic) problems.push(clinic);
      else if (clinic) input.clinicId = clinic.id;
      const drug = matchDrug(db, memo, {
        code: str(values.platformCode),
        name: str(values.drugName),
        spec: str(values.spec),
        maker: str(values.maker),
      });
      if (drug.ok) input.drugId = drug.id;
      else problems.push({ key: drug.key, message: drug.message });
      const day = str(values.movedOn) ?? monthEnd(month);
      if (day.slice(0, 7) !== month)
        problems.push({ key: 'movedOn', message: `日期 ${day} 不在导入的 ${month} 月内，请核对日期或导入时选择的月份` });
      input.movedOn = day;
      if (month > today.slice(0, 7))
        problems.push({ key: 'movedOn', message: `${month} 月还没有到，不能导入这个月的使用；请检查导入时选择的月份` });
      const { packs, salePriceFen, amountFen } = values;
      if (
        typeof packs === 'number' &&
        typeof salePriceFen === 'number' &&
        typeof amountFen === 'number' &&
        packs * salePriceFen !== amountFen
      )
        problems.push({
          key: 'amountFen',
          message: `金额 ${yuanText(amountFen)} 不等于 数量 ${packs} × 销售单价 ${yuanText(salePriceFen)} = ${yuanText(packs * salePriceFen)}，请核对`,
        });
      if (clinic && !('key' in clinic) && drug.ok && typeof salePriceFen === 'number') {
        const already = usedAtPrice(db, clinic.id, drug.id, month, salePriceFen);
        if (already > 0)
          problems.push({
            key: 'packs',
            message: `${clinic.name} ${month} 月已登记使用此药 ${already} 个包装（销售价 ${yuanText(salePriceFen)}），不能重复导入；如需更正请在“药品库存”中做盘点调整`,
          });
        const d = stmt(db, 'SELECT generic_name, spec, pack_unit FROM drugs WHERE id = ?').get(drug.id) as {
          generic_name: string;
          spec: string;
          pack_unit: string;
        };
        input.label = `${clinic.name} ${d.generic_name} ${d.spec} ${String(packs ?? '')}${d.pack_unit}，${typeof salePriceFen === 'number' ? yuanText(salePriceFen) : ''}`;
      }
      return { input, problems };
    },

    describe: (v) => v.label,

    /** FEFO, D2 and stock across the rows, in sheet order, each clinic's rows seeing what its earlier rows took. */
    checkPlan(db, rows) {
      const out = new Map<number, FieldProblem[]>();
      const taken = new Map<number, Map<number, number>>();
      for (const r of rows) {
        if (r.values.clinicId === undefined || r.values.drugId === undefined) continue;
        const own = taken.get(r.values.clinicId) ?? new Map<number, number>();
        taken.set(r.values.clinicId, own);
        const plan = planUseLine(db, r.values.clinicId, month, r.values.movedOn, { ...r.values, drugId: r.values.drugId }, own);
        if ('problem' in plan) out.set(r.row, [{ key: plan.field === 'salePriceFen' ? 'salePriceFen' : 'packs', message: plan.problem }]);
      }
      return out;
    },

    save(ctx, v) {
      const { clinicId, drugId } = v;
      if (clinicId === undefined || drugId === undefined) throw new AppError('VALIDATION', '缺少卫生室或药品');
      // Earlier rows are already written: the plan needs no memory of them here.
      const plan = planUseLine(ctx.db, clinicId, month, v.movedOn, { ...v, drugId }, new Map());
      if ('problem' in plan) throw new AppError('CONFLICT', plan.problem);
      let first = 0;
      for (const p of plan.picks) {
        const id = recordMovement(ctx, {
          batchId: p.batchId,
          place: clinicId,
          kind: 'use',
          movedOn: v.movedOn,
          packs: -p.packs,
          salePriceFen: v.salePriceFen,
        });
        first ||= id;
      }
      return first;
    },
  };
}
