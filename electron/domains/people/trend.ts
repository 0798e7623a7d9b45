import type { PersonFacts } from './alertData';
import { s4Share } from './s4';

/**
 * S4's trend: the licensed/assistant share at the end of each of the last five years (the last
 * one as of today), each year counted by s4Share — the one definition of S4 (s4.ts) — on that
 * year's last day: who was a village doctor in service then, with certificates issued by then.
 */
export function qualificationTrend(people: readonly PersonFacts[], asOf: string, years = 5) {
  const last = Number(asOf.slice(0, 4));
  const doctors = people.filter((p) => p.category === 'village_doctor');
  const out: { year: number; qualified: number; total: number; ratio: number }[] = [];
  for (let y = last - years + 1; y <= last; y++) {
    const date = y === last ? asOf : `${y}-12-31`;
    out.push({ year: y, ...s4Share(doctors, date) });
  }
  return out;
}
