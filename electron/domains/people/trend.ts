import { countsTowardTarget, isValidOn } from '../../../shared/rules/qualifications';
import type { PersonFacts } from './alertData';

/**
 * S4's trend: the licensed/assistant share at the end of each of the last five years (the last
 * one as of today). A doctor counts in a year when working by then (first post or start of
 * rural-doctor work) and not yet exited; a certificate counts once issued and while valid.
 * Each doctor's first day of work is found once, not once per year.
 */
export function qualificationTrend(people: readonly PersonFacts[], asOf: string, years = 5) {
  const last = Number(asOf.slice(0, 4));
  const doctors = people
    .filter((p) => p.category === 'village_doctor')
    .map((p) => {
      let first: string | null = null;
      for (const d of [p.ruralWorkStart, ...p.posts.map((a) => a.startDate)]) if (d && (first === null || d < first)) first = d;
      return { p, first };
    });
  const out: { year: number; qualified: number; total: number; ratio: number }[] = [];
  for (let y = last - years + 1; y <= last; y++) {
    const date = y === last ? asOf : `${y}-12-31`;
    let total = 0;
    let qualified = 0;
    for (const { p, first } of doctors) {
      if (p.exitDate !== null && p.exitDate <= date) continue;
      if (first !== null && first > date) continue;
      total++;
      // As qualifiedRatio counts (S4), on the certificates issued by then.
      if (p.quals.some((q) => (q.issuedOn === null || q.issuedOn <= date) && isValidOn(q, date) && countsTowardTarget(q.kind))) qualified++;
    }
    out.push({ year: y, qualified, total, ratio: total === 0 ? 0 : qualified / total });
  }
  return out;
}
