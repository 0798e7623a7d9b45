/**
 * Asset codes: the prefix of the clinic where the card is opened (its 机构编码; WSY for the
 * center itself; C + the clinic's number for a clinic without one), a dash and a five-digit serial — 01-00017. The counter per prefix only
 * counts up and cards are never deleted, so a code is never given twice, even after a card
 * is voided. The code stays with the asset when it is transferred.
 */
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';

export const CENTER_PREFIX = 'WSY';

export function codePrefix(db: Db, holderClinicId: number | null): string {
  if (holderClinicId === null) return CENTER_PREFIX;
  const code = stmt(db, 'SELECT code FROM clinics WHERE id = ?').pluck().get(holderClinicId);
  // A clinic registered without its 机构编码 gets a prefix of its own (C + its number), so
  // its cards never share the center's series; they keep their codes if it gets one later.
  if (code === null || code === undefined || code === '') return `C${String(holderClinicId).padStart(2, '0')}`;
  return String(code).replace(/\s+/g, '');
}

/** Must run inside the transaction that inserts the card. */
export function nextAssetCode(db: Db, holderClinicId: number | null): string {
  const prefix = codePrefix(db, holderClinicId);
  let last = Number(stmt(db, 'SELECT last FROM asset_code_counters WHERE prefix = ?').pluck().get(prefix) ?? 0);
  // A code typed or imported elsewhere may already use the next number: skip past it.
  let code: string;
  do {
    last += 1;
    code = `${prefix}-${String(last).padStart(5, '0')}`;
  } while (stmt(db, 'SELECT 1 FROM assets WHERE code = ?').get(code));
  stmt(db, 'INSERT INTO asset_code_counters (prefix, last) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET last = excluded.last').run(
    prefix,
    last,
  );
  return code;
}
