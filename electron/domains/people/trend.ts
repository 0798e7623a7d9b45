import { qualifiedRatio } from '../../../shared/rules/qualifications';
import type { PersonFacts } from './alertData';

/**
 * S4's trend: the licensed/assistant share at the end of each of the last five years (the last
 * one as of today). A doctor counts in a year when working by then (first post or start of
 * rural-doctor work) and not yet exited; a certificate counts once issued and while valid.
 */
export function qualificationTrend(people: readonly PersonFacts[], asOf: string, years = 5) {
  const last = Number(asOf.slice(0, 4));
  const out: { year: number; qualified: number; total: number; ratio: number }[] = [];
  for (let y = last - years + 1; y <= last; y++) {
    const date = y === last ? asOf : `${y}-12-31`;
    const present = people.filter((p) => {
      if (p.category !== 'village_doctor') return false;
      if (p.exitDate !== null && p.exitDate <= date) return false;
      const starts = [p.ruralWorkStart, ...p.posts.map((a) => a.startDate)].filter((d): d is string => Boolean(d));
      return starts.length === 0 || starts.some((d) => d <= date);
    });
    const r = qualifiedRatio(
      present.map((p) => p.quals.filter((q) => q.issuedOn === null || q.issuedOn <= date)),
      date,
    );
    out.push({ year: y, ...r });
  }
  return out;
}
