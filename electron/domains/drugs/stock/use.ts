/**
 * A clinic's monthly use (使用/销售, kind 'use'), entered in the app or imported, and D2 (zero
 * markup: a clinic sells at its purchase price; a price that differs is refused).
 *
 * How use is taken, documented for the clerk:
 * - dated the month's last day unless a day is given (the import's 日期 column, the form's day);
 * - taken first expiry, first out (FEFO) from the clinic's own batches held on that day, never
 *   from a batch already expired before the month began (it should have gone back to the center);
 * - the purchase price of the use is the price of the batches it is taken from, so the sale
 *   price must equal the price of every batch in the FEFO split. When the split spans two
 *   batches of different prices the line is refused, naming both batches and prices, and the
 *   clerk enters two lines, each at its own price (the first takes the earlier batch);
 * - using more than the clinic holds is refused, naming what it holds and what was asked.
 * Lines of one entry are taken in order, each seeing what the earlier ones took.
 */
import { chineseDate, todayIso, yuanText } from '../../../../shared/format';
import type { UseInput, UseLine } from '../../../../shared/schemas/stock';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { batchBalances, recordMovement } from './movements';
import { availableOn, clinicName, monthEnd, monthStart } from './places';

export interface UsePick {
  batchId: number;
  lotNo: string;
  packs: number;
  priceFen: number;
}

export type UsePlan = { picks: UsePick[] } | { problem: string; field: 'packs' | 'salePriceFen' | 'drugId' };

interface DrugName {
  name: string;
  unit: string;
}

function drugName(db: Db, drugId: number): DrugName {
  const d = stmt(db, 'SELECT generic_name, spec, pack_unit FROM drugs WHERE id = ?').get(drugId) as
    { generic_name: string; spec: string; pack_unit: string } | undefined;
  if (!d) return { name: `药品（编号 ${drugId}）`, unit: '个包装' };
  return { name: d.spec ? `${d.generic_name}（${d.spec}）` : d.generic_name, unit: d.pack_unit || '个包装' };
}

/** The clinic's batches of a drug usable for a use on `day` of `month`, FEFO, with what each can still give. */
export function usableBatches(db: Db, clinicId: number, drugId: number, month: string, day: string, taken: ReadonlyMap<number, number>) {
  const first = monthStart(month);
  return batchBalances(db, { place: clinicId, drugId, asOf: day })
    .filter((b) => b.expiresOn >= first)
    .map((b) => ({ ...b, left: availableOn(db, b.batchId, clinicId, day) - (taken.get(b.batchId) ?? 0) }))
    .filter((b) => b.left > 0);
}

/**
 * One line's FEFO split, or why it is refused (D2, beyond stock). `taken`: packs already taken
 * from each batch by earlier lines of the same entry; updated when the line is accepted.
 */
export function planUseLine(db: Db, clinicId: number, month: string, day: string, line: UseLine, taken: Map<number, number>): UsePlan {
  const drug = drugName(db, line.drugId);
  const batches = usableBatches(db, clinicId, line.drugId, month, day, taken);
  const held = batches.reduce((n, b) => n + b.left, 0);
  if (line.packs > held) {
    return {
      field: 'packs',
      problem: `使用数量超过库存：${drug.name} 本卫生室在 ${chineseDate(day)} 结存 ${held} ${drug.unit}，登记使用 ${line.packs} ${drug.unit}`,
    };
  }
  const picks: UsePick[] = [];
  let need = line.packs;
  for (const b of batches) {
    if (need === 0) break;
    const n = Math.min(need, b.left);
    picks.push({ batchId: b.batchId, lotNo: b.lotNo, packs: n, priceFen: b.priceFen });
    need -= n;
  }
  const prices = new Set(picks.map((p) => p.priceFen));
  if (prices.size > 1) {
    const parts = picks.map((p) => `批号 ${p.lotNo} 的 ${p.packs} ${drug.unit}（进价 ${yuanText(p.priceFen)}）`).join('、');
    return {
      field: 'salePriceFen',
      problem: `${drug.name} 按先到期先用，这 ${line.packs} ${drug.unit}取自进价不同的批次：${parts}。请分行登记，每行按各自的进价（零加成，D2）`,
    };
  }
  const price = picks[0]?.priceFen ?? line.salePriceFen;
  if (price !== line.salePriceFen) {
    const lots = picks.map((p) => p.lotNo).join('、');
    return {
      field: 'salePriceFen',
      problem: `销售价 ${yuanText(line.salePriceFen)} 与进价 ${yuanText(price)} 不符（零加成，D2）：${drug.name} 按先到期先用取自批号 ${lots}，销售价必须等于进价`,
    };
  }
  for (const p of picks) taken.set(p.batchId, (taken.get(p.batchId) ?? 0) + p.packs);
  return { picks };
}

export interface UseResult {
  movements: number;
  packs: number;
  amountFen: number;
}

/** Records a clinic's use of a month (D2), all lines or none; a refused line is named by its drug. */
export function recordUse(ctx: ServiceContext, input: UseInput): UseResult {
  const clinic = clinicName(ctx.db, input.clinicId);
  const day = input.movedOn ?? monthEnd(input.month);
  if (input.month > todayIso(ctx.now()).slice(0, 7))
    throw new AppError('VALIDATION', `${input.month} 月还没有到，不能登记这个月的使用；请检查月份`, { field: 'month' });
  if (day.slice(0, 7) !== input.month) throw new AppError('VALIDATION', `使用日期 ${day} 不在 ${input.month} 月内`, { field: 'movedOn' });
  return ctx.db
    .transaction(() => {
      // Every line is planned before anything is written: each sees what the earlier ones took (`taken`).
      const taken = new Map<number, number>();
      const plans = input.lines.map((line, i) => {
        const plan = planUseLine(ctx.db, input.clinicId, input.month, day, line, taken);
        if ('problem' in plan) throw new AppError('VALIDATION', `第 ${i + 1} 行：${plan.problem}`, { field: `lines.${i}.${plan.field}` });
        return { line, picks: plan.picks };
      });
      const result: UseResult = { movements: 0, packs: 0, amountFen: 0 };
      for (const { line, picks } of plans) {
        for (const p of picks) {
          recordMovement(ctx, {
            batchId: p.batchId,
            place: input.clinicId,
            kind: 'use',
            movedOn: day,
            packs: -p.packs,
            salePriceFen: line.salePriceFen,
          });
          result.movements += 1;
          result.packs += p.packs;
          result.amountFen += p.packs * p.priceFen;
        }
      }
      audit(ctx, {
        action: 'stock.use',
        entity: 'clinic',
        entityId: input.clinicId,
        summary: `登记 ${clinic} ${input.month} 月药品使用 ${input.lines.length} 种，共 ${result.packs} 个包装，金额 ${yuanText(result.amountFen)}（${day}）`,
        after: input,
      });
      return result;
    })
    .immediate();
}
