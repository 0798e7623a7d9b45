/**
 * One row of an imported 固定资产台账: the card's own schema (assetInput, with its check that
 * the in-service date is not before the acquisition) plus the clerk's old code and the names
 * shown in the preview; and the card already on file that a row's old code names.
 */
import { z } from 'zod';
import { assetInput, CENTER_HOLDER, type AssetInput } from '../../../../shared/schemas/assets';
import { text } from '../../../../shared/schemas/common';
import type { Db } from '../../../db/open';
import { holderName } from '../state';
import { stmt } from '../../../db/stmt';
import type { Existing } from '../../../excel/import/types';

export const assetImportRow = assetInput.safeExtend({
  /** The clerk's own number; '' for a ledger without one (the card is then known by its fingerprint). */
  oldCode: text('原资产编号', 60).default(''),
  holderName: z.string().default(CENTER_HOLDER),
  /** Where the holder was read from, so a problem with it names that column. */
  holderFrom: z.enum(['clinic', 'location', 'none']).default('none'),
  custodianName: z.string().default(''),
});
export type AssetImportValues = z.output<typeof assetImportRow>;

/** The fields a card's edit may change (assetCardInput); the rest change only by movements. */
export const cardKeys = [
  'name',
  'category',
  'model',
  'quantity',
  'unit',
  'funding',
  'acquiredOn',
  'custodianId',
  'location',
  'note',
] as const;

export function assetInputOf(v: AssetImportValues): AssetInput {
  const { oldCode: _code, holderName: _holder, holderFrom: _from, custodianName: _custodian, ...input } = v;
  return input;
}

export function cardValuesOf(v: AssetImportValues): Pick<AssetInput, (typeof cardKeys)[number]> {
  return {
    name: v.name,
    category: v.category,
    model: v.model,
    quantity: v.quantity,
    unit: v.unit,
    funding: v.funding,
    acquiredOn: v.acquiredOn,
    custodianId: v.custodianId,
    location: v.location,
    note: v.note,
  };
}

export interface Card {
  id: number;
  code: string;
  old_code: string;
  name: string;
  category: string;
  model: string;
  quantity: number;
  unit: string;
  funding: string;
  acquired_on: string;
  in_service_on: string;
  life_months: number;
  custodian_id: number | null;
  location: string;
  note: string;
  holder_clinic_id: number | null;
  value_fen: number;
}

const COLUMNS = `id, code, old_code, name, category, model, quantity, unit, funding, acquired_on, in_service_on, life_months,
  custodian_id, location, note, holder_clinic_id, value_fen FROM assets`;

/**
 * The card a row's code names: one imported under that old code, else one of ours with that
 * code (a re-imported export of our own ledger). Voided cards are passed over: their old code
 * may be imported again as a new card.
 */
export function cardByKey(db: Db, key: string): Card | undefined {
  // `old_code <> ''` lets SQLite use the partial index on old_code.
  const byOld = stmt(db, `SELECT ${COLUMNS} WHERE old_code = ? AND old_code <> '' AND status <> 'void' ORDER BY id LIMIT 1`).get(key) as
    Card | undefined;
  return byOld ?? (stmt(db, `SELECT ${COLUMNS} WHERE code = ? AND status <> 'void'`).get(key) as Card | undefined);
}

export function cardById(db: Db, id: number): Card {
  return stmt(db, `SELECT ${COLUMNS} WHERE id = ?`).get(id) as Card;
}

/** The card as the row schema's input, for the framework to lay the sheet's values over. */
export function existingOf(db: Db, card: Card): Existing {
  const custodianName =
    card.custodian_id === null ? '' : String(stmt(db, 'SELECT name FROM people WHERE id = ?').pluck().get(card.custodian_id) ?? '');
  return {
    id: card.id,
    input: {
      oldCode: card.old_code || card.code,
      name: card.name,
      category: card.category,
      model: card.model,
      quantity: card.quantity,
      unit: card.unit,
      valueFen: card.value_fen,
      funding: card.funding,
      acquiredOn: card.acquired_on,
      inServiceOn: card.in_service_on,
      lifeMonths: card.life_months,
      holderClinicId: card.holder_clinic_id,
      holderName: holderName(db, card.holder_clinic_id),
      custodianId: card.custodian_id,
      custodianName,
      location: card.location,
      note: card.note,
    },
  };
}

/**
 * The cards a row without the clerk's number stands for: same name, model, holder, acquisition
 * date and 原值 — what a village ledger of 序号 and descriptions says of an asset. Oldest first,
 * so the n-th identical row of a file matches the n-th identical card.
 */
export function cardsByFingerprint(
  db: Db,
  f: { name: string; model: string; holderClinicId: number | null; acquiredOn: string; valueFen: number },
): Card[] {
  return stmt(
    db,
    `SELECT ${COLUMNS} WHERE name = ? AND model = ? AND holder_clinic_id IS ? AND acquired_on = ? AND value_fen = ? AND status <> 'void' ORDER BY id`,
  ).all(f.name, f.model, f.holderClinicId, f.acquiredOn, f.valueFen) as Card[];
}
