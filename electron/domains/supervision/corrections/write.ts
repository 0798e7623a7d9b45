/**
 * P4: the one way a locked row changes, as migration 10's triggers demand (0010-supervision.ts):
 * append one `corrections` row per changed field (old and new value as text, the reason), then
 * update the row once, setting `correction_id` to the newest of them — the trigger lets exactly
 * that write through, and never again with the same id (no replay).
 *
 * A missing row (a score never entered, a finding added) is inserted through one correction row
 * with `entity_id` NULL that carries its key field (visit_scores: item_id; findings: text), so the
 * stored trail says which row appeared; every other value of the new row is then an ordinary
 * field correction of that row. Every correction row carries its visit, so a visit's (or a
 * quarter's) corrections are read by `visit_id` alone (the county re-check pack reads them so).
 */
import type { CorrectionEntity } from '../../../../shared/schemas/corrections';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';

export type Raw = string | number | null;

export interface FieldChange {
  /** The column, as stored in `corrections.field`. */
  field: string;
  old: Raw;
  new: Raw;
}

export interface Stamp {
  reason: string;
  at: string;
  by: string;
}

/** Columns a correction may set, per table: the SQL below is built from these names only. */
const correctable: Record<CorrectionEntity, readonly string[]> = {
  visits: ['visited_on', 'supervisors', 'clinic_signer', 'note', 'total_tenths', 'veto_triggered'],
  visit_scores: ['score_tenths', 'vetoed', 'note'],
  findings: ['item_id', 'text', 'owner', 'due_on'],
};

const asText = (v: Raw): string | null => (v === null ? null : String(v));

function appendCorrection(db: Db, entity: CorrectionEntity, entityId: number | null, visitId: number, c: FieldChange, s: Stamp): number {
  return Number(
    stmt(
      db,
      `INSERT INTO corrections (entity, entity_id, visit_id, field, old_value, new_value, reason, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entity, entityId, visitId, c.field, asText(c.old), asText(c.new), s.reason, s.at, s.by).lastInsertRowid,
  );
}

/** Corrects the changed fields of one existing row; returns how many fields changed (0: nothing written). */
export function correctRow(db: Db, entity: CorrectionEntity, rowId: number, visitId: number, changes: FieldChange[], s: Stamp): number {
  const real = changes.filter((c) => c.old !== c.new);
  if (real.length === 0) return 0;
  for (const c of real) if (!correctable[entity].includes(c.field)) throw new Error(`不可更正的字段 ${entity}.${c.field}`);
  let newest = 0;
  for (const c of real) newest = appendCorrection(db, entity, rowId, visitId, c, s);
  const sets = real.map((c) => `${c.field} = ?`).join(', ');
  const touch = entity === 'visit_scores' ? '' : ', updated_at = ?';
  const args: Raw[] = [...real.map((c) => c.new), newest, ...(touch ? [s.at] : []), rowId];
  stmt(db, `UPDATE ${entity} SET ${sets}, correction_id = ?${touch} WHERE id = ?`).run(...args);
  return real.length;
}

/** A score row that was never entered: inserted (item only) through its own correction; returns the new row's id. */
export function insertScoreRow(db: Db, visitId: number, itemId: number, s: Stamp): number {
  const c = appendCorrection(db, 'visit_scores', null, visitId, { field: 'item_id', old: null, new: itemId }, s);
  return Number(
    stmt(db, 'INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed, note, correction_id) VALUES (?, ?, NULL, 0, ?, ?)').run(
      visitId,
      itemId,
      '',
      c,
    ).lastInsertRowid,
  );
}

/** A finding added to a locked visit: inserted (its text) through its own correction; returns the new row's id. */
export function insertFinding(db: Db, visitId: number, text: string, s: Stamp): number {
  const c = appendCorrection(db, 'findings', null, visitId, { field: 'text', old: null, new: text }, s);
  return Number(
    stmt(db, `INSERT INTO findings (visit_id, text, owner, created_at, updated_at, correction_id) VALUES (?, ?, '', ?, ?, ?)`).run(
      visitId,
      text,
      s.at,
      s.at,
      c,
    ).lastInsertRowid,
  );
}
