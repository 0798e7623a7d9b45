/**
 * Finding a clinic by what a clerk wrote: its 机构编码, its full name, or the name written
 * another way — 张庄村卫生室, 张庄卫生室, 张庄村, 张庄, in full- or half-width, with spaces. Every
 * import that names a clinic (the clinic list, the roster, the asset ledger) and the command
 * line's --clinic use it, so a name found in one file is found in all of them.
 */
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { compactText } from '../../../shared/text';

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
  const stem = compactText(written).replace(/(村)?卫生室$/, '');
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

interface ClinicIndex {
  byName: Map<string, ClinicRef>;
  byCode: Map<string, ClinicRef>;
  byKey: Map<string, ClinicRef[]>;
}

/** The clinics by written name, code and name key, built once per import plan (a township of 2,000 clinics is looked up 10,000 times). */
function clinicIndex(db: Db, memo?: Map<string, unknown>): ClinicIndex {
  const cached = memo?.get('clinics:index') as ClinicIndex | undefined;
  if (cached) return cached;
  const index: ClinicIndex = { byName: new Map(), byCode: new Map(), byKey: new Map() };
  for (const c of allClinics(db, memo)) {
    const name = compactText(c.name);
    if (!index.byName.has(name)) index.byName.set(name, c);
    if (c.code !== '' && !index.byCode.has(c.code.toLowerCase())) index.byCode.set(c.code.toLowerCase(), c);
    const key = clinicNameKey(c.name);
    const same = index.byKey.get(key);
    if (same) same.push(c);
    else index.byKey.set(key, [c]);
  }
  memo?.set('clinics:index', index);
  return index;
}

/**
 * The clinic a text names: by exact name, then by code, then by the name's key. Where several
 * clinics share the key, an open one is preferred; still several, none is chosen and the
 * candidates are returned for the message.
 */
export function lookupClinic(db: Db, written: string, memo?: Map<string, unknown>): ClinicLookup {
  const text = compactText(written);
  const index = clinicIndex(db, memo);
  const exact = index.byName.get(text) ?? index.byCode.get(text.toLowerCase());
  if (exact) return { ok: true, clinic: exact };
  const same = index.byKey.get(clinicNameKey(text)) ?? [];
  const open = same.filter((c) => c.status === 'open');
  const candidates = open.length > 0 ? open : same;
  if (candidates.length === 1 && candidates[0]) return { ok: true, clinic: candidates[0] };
  return { ok: false, candidates };
}

/** The clinics whose names read as this one (张庄村卫生室, 张庄卫生室 …). */
export function clinicsNamed(db: Db, written: string, memo?: Map<string, unknown>): ClinicRef[] {
  return clinicIndex(db, memo).byKey.get(clinicNameKey(written)) ?? [];
}

/** The clinic with exactly this 机构编码, if any. */
export function clinicByCode(db: Db, code: string, memo?: Map<string, unknown>): ClinicRef | undefined {
  const found = clinicIndex(db, memo).byCode.get(code.toLowerCase());
  return found?.code === code ? found : undefined;
}
