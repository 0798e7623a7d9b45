/**
 * What a requisition line shows beside the drug (D1, D3, D8): the platform price in force on
 * the 1st of the month, the drug's essential status in the edition in force that day (a
 * doubtful or unknown drug counts as outside the list), and the clinic's 结存, three months'
 * use and suggested quantity (shared/rules/requisitionMonths.ts says which days and why).
 */
import { firstDayOf, onHandDayFor, suggestedPacks, useMonthsFor } from '../../../../shared/rules/requisitionMonths';
import type { EssentialOnDate } from '../../../../shared/schemas/drugs';
import type { LineFigures } from '../../../../shared/schemas/requisitions';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { drugSelect, drugSource, mapDrug } from '../catalog';
import { placeOnHand, usedInMonths } from '../stock/movements';
import { priceOn } from '../write';

/** D3 counts a drug inside the list only when the edition in force says so (or, with none in force, the platform). */
export function countsEssential(status: EssentialOnDate): boolean {
  return status === 'essential' || status === 'platform_yes';
}

/** Every drug's price and status on the 1st of the month, for the drugs asked. */
export function drugsOnFirst(
  ctx: ServiceContext,
  month: string,
  drugIds: readonly number[],
): Map<number, Omit<LineFigures, 'onHand' | 'used3m' | 'suggested'>> {
  const out = new Map<number, Omit<LineFigures, 'onHand' | 'used3m' | 'suggested'>>();
  if (drugIds.length === 0) return out;
  const asOf = firstDayOf(month);
  const get = stmt(ctx.db, `SELECT ${drugSelect} FROM ${drugSource.from} WHERE d.id = @id`);
  for (const id of new Set(drugIds)) {
    const r = get.get({ id, asOf }) as Record<string, unknown> | undefined;
    if (!r) throw new AppError('NOT_FOUND', `没有找到药品（编号 ${id}），可能已被删除，请刷新后重试`);
    const d = mapDrug(r);
    out.set(id, {
      drugId: id,
      platformCode: d.platformCode,
      genericName: d.genericName,
      form: d.form,
      spec: d.spec,
      packUnit: d.packUnit,
      maker: d.maker,
      priceFen: priceOn(ctx, id, asOf) ?? d.priceFen,
      status: d.essential,
      essential: countsEssential(d.essential),
    });
  }
  return out;
}

/** The clinic's 结存 at the end of the month before, its use in the three months before, and the suggestion. */
export function clinicFigures(
  db: Db,
  clinicId: number,
  month: string,
  drugId: number,
): Pick<LineFigures, 'onHand' | 'used3m' | 'suggested'> {
  const onHand = placeOnHand(db, clinicId, drugId, onHandDayFor(month));
  const used3m = usedInMonths(db, clinicId, drugId, useMonthsFor(month));
  return { onHand, used3m, suggested: suggestedPacks(used3m, onHand) };
}

export function lineFiguresFor(ctx: ServiceContext, clinicId: number, month: string, drugIds: readonly number[]): Map<number, LineFigures> {
  const out = new Map<number, LineFigures>();
  for (const [id, d] of drugsOnFirst(ctx, month, drugIds)) out.set(id, { ...d, ...clinicFigures(ctx.db, clinicId, month, id) });
  return out;
}
