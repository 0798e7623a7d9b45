/**
 * S4, one definition for every figure the app shows (issue 12 item 6): the share of **village
 * doctors** holding a licensed or assistant physician qualification on a day.
 *
 * - Counted (the denominator): people of the village-doctor category (村医) in service on the
 *   day — started by then (first post or start of rural-doctor work; unknown counts) and not
 *   exited. Posted or between posts alike: S4 is about the township's village doctors, not
 *   about who stands in which clinic. Dispatched center staff (S7) and county-hired doctors
 *   (S8) are not village doctors (DOMAIN.md S4 says "of village doctors"), so they are left out
 *   even where they hold a clinic post — the demo township's 派驻 doctor at 吴岗 is one.
 * - Qualified (the numerator): a licensed/assistant physician certificate issued by the day and
 *   valid on it (an expired one counts as none, S14).
 *
 * The alerts, their five-year trend and the 人员配备 return all call s4Share; a return that
 * needs another count (its clinics' rows count everyone on post) says so in its header.
 */
import { countsTowardTarget, isValidOn } from '../../../shared/rules/qualifications';
import type { PersonFacts } from './alertData';

export interface S4Share {
  qualified: number;
  total: number;
  ratio: number;
}

/** The first day the person is known to have worked, or null when no date says. */
function firstWorkDay(p: PersonFacts): string | null {
  let first: string | null = null;
  for (const d of [p.ruralWorkStart, ...p.posts.map((a) => a.startDate)]) if (d && (first === null || d < first)) first = d;
  return first;
}

/** Whether the person is one of the village doctors S4 counts on `date`. */
export function countsForS4(p: PersonFacts, date: string): boolean {
  if (p.category !== 'village_doctor') return false;
  if (p.exitDate !== null ? p.exitDate <= date : p.status !== 'active') return false;
  const first = firstWorkDay(p);
  return first === null || first <= date;
}

/** Whether the person holds, on `date`, a qualification that counts toward S4. */
export function qualifiedForS4(p: PersonFacts, date: string): boolean {
  return p.quals.some((q) => (q.issuedOn === null || q.issuedOn <= date) && isValidOn(q, date) && countsTowardTarget(q.kind));
}

export function s4Share(people: readonly PersonFacts[], date: string): S4Share {
  let total = 0;
  let qualified = 0;
  for (const p of people) {
    if (!countsForS4(p, date)) continue;
    total++;
    if (qualifiedForS4(p, date)) qualified++;
  }
  return { qualified, total, ratio: total === 0 ? 0 : qualified / total };
}
