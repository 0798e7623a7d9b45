/**
 * Writing a catalog drug: created from the platform's export, or updated by a later export —
 * its price never overwritten but added to drug_prices with the date it takes effect (the
 * card keeps the latest, for lists). Runs inside the caller's transaction (the import's).
 */
import type { DrugValues } from '../../../shared/schemas/drugs';
import type { ServiceContext } from '../../db/context';
import { stmt } from '../../db/stmt';
import { applyToDrug } from './essential/apply';

const COLUMNS = [
  ['platform_code', 'platformCode'],
  ['national_code', 'nationalCode'],
  ['generic_name', 'genericName'],
  ['trade_name', 'tradeName'],
  ['form', 'form'],
  ['spec', 'spec'],
  ['pack_unit', 'packUnit'],
  ['maker', 'maker'],
  ['platform_mark', 'platformMark'],
  ['vbp_batch', 'vbpBatch'],
  ['insurance_class', 'insuranceClass'],
] as const satisfies readonly (readonly [string, keyof DrugValues])[];

function addPrice(ctx: ServiceContext, drugId: number, priceFen: number, effectiveOn: string, source: string, isNew = false): void {
  stmt(ctx.db, 'INSERT INTO drug_prices (drug_id, effective_on, price_fen, source, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
    drugId,
    effectiveOn,
    priceFen,
    source,
    ctx.now().toISOString(),
  );
  if (isNew) return;
  // The card shows the price of the latest date (a price dated back does not replace a newer one).
  stmt(
    ctx.db,
    `UPDATE drugs SET price_fen = (SELECT price_fen FROM drug_prices WHERE drug_id = @id ORDER BY effective_on DESC, id DESC LIMIT 1),
       updated_at = @at WHERE id = @id`,
  ).run({ id: drugId, at: ctx.now().toISOString() });
}

/** The price a drug has on a date, as its history says; the card's price when the history starts later. */
export function priceOn(ctx: ServiceContext, drugId: number, on: string): number | undefined {
  return stmt(
    ctx.db,
    'SELECT price_fen FROM drug_prices WHERE drug_id = ? AND effective_on <= ? ORDER BY effective_on DESC, id DESC LIMIT 1',
  )
    .pluck()
    .get(drugId, on) as number | undefined;
}

export function saveDrug(ctx: ServiceContext, v: DrugValues, existingId: number | null, effectiveOn: string, source: string): number {
  const now = ctx.now().toISOString();
  if (existingId === null) {
    const id = Number(
      stmt(
        ctx.db,
        `INSERT INTO drugs (${COLUMNS.map(([c]) => c).join(', ')}, price_fen, created_at, updated_at)
         VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
      ).run(...COLUMNS.map(([, k]) => v[k]), v.priceFen, now, now).lastInsertRowid,
    );
    addPrice(ctx, id, v.priceFen, effectiveOn, source, true);
    applyToDrug(ctx, { ...v, id });
    return id;
  }
  const old = stmt(ctx.db, 'SELECT price_fen FROM drugs WHERE id = ?').pluck().get(existingId) as number;
  stmt(ctx.db, `UPDATE drugs SET ${COLUMNS.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
    ...COLUMNS.map(([, k]) => v[k]),
    now,
    existingId,
  );
  if (old !== v.priceFen) addPrice(ctx, existingId, v.priceFen, effectiveOn, source);
  applyToDrug(ctx, { ...v, id: existingId });
  return existingId;
}
