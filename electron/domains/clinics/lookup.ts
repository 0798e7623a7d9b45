/**
 * Finding a clinic by what a clerk wrote: its 机构编码, its full name, or the name written
 * another way — 张庄村卫生室, 张庄卫生室, 张庄村, 张庄, in full- or half-width, with spaces. Every
 * import that names a clinic (the clinic list, the roster, the asset ledger) and the command
 * line's --clinic use it, so a name found in one file is found in all of them.
 */
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { toHalfWidth } from '../../../shared/text';

export interface ClinicRef {
  id: number;
  /** '' when the clinic has no 机构编码 yet. */
  code: string;
  name: string;
  status: 'open' | 'closed';
  closedOn: string | null;
}

/** What identifies a clinic's name however it is written: 张庄村卫生室, 张庄卫生室, 张 庄 村 → 张庄. */
export function clinicNameKey(written: string): string {
  const flat = toHalfWidth(written).replace(/\s+/g, '');
  const stem = flat.replace(/(村)?卫生室$/, '');
  // 张庄村 alone is the village's name, and so the clinic's; a bare 村 (one character) is not a stem.
  return stem.length > 2 && stem.endsWith('村') ? stem.slice(0, -1) : stem;
}

/** Every clinic, open ones first; read once per import plan when a memo is given. */
export function allClinics(db: Db, memo?: Map<string, unknown>): ClinicRef[] {
  const cached = memo?.get('clinics:all') as ClinicRef[] | undefined;
  if (cached) return cached;
  const rows = stmt(
    db,
    "SELECT id, coalesce(code, '') AS code, name, status, closed_on AS closedOn FROM clinics ORDER BY status = 'open' DESC, id",
  ).all() as ClinicRef[];
  memo?.set('clinics:all', rows);
  return rows;
}

export type ClinicLookup = { ok: true; clinic: ClinicRef } | { ok: false; candidates: ClinicRef[] };

/**
 * The clinic a text names: by exact name, then by code, then by the name's key. Where several
 * clinics share the key, an open one is preferred; still several, none is chosen and the
 * candidates are returned for the message.
 */
export function lookupClinic(db: Db, written: string, memo?: Map<string, unknown>): ClinicLookup {
  const text = toHalfWidth(written).replace(/\s+/g, '');
  const all = allClinics(db, memo);
  const exact = all.find((c) => c.name === text) ?? all.find((c) => c.code !== '' && c.code.toLowerCase() === text.toLowerCase());
  if (exact) return { ok: true, clinic: exact };
  const key = clinicNameKey(text);
  const same = all.filter((c) => clinicNameKey(c.name) === key);
  const open = same.filter((c) => c.status === 'open');
  const candidates = open.length > 0 ? open : same;
  if (candidates.length === 1 && candidates[0]) return { ok: true, clinic: candidates[0] };
  return { ok: false, candidates };
}
