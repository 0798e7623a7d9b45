/**
 * P4: the county's random sample, drawn so it can be shown again. Each clinic's lot is the
 * SHA-256 of the recorded seed and its 机构编码; the clinics with the smallest lots are drawn.
 * With the seed kept in `rechecks`, anyone can redo the draw and get the same clinics, and the
 * clerk cannot quietly redraw until a convenient sample comes up (each draw is stored and audited).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Candidate {
  id: number;
  code: string;
}

/** A fresh seed: 16 hex digits, written into the record beside the sample. */
export function newSeed(): string {
  return randomBytes(8).toString('hex');
}

function lot(seed: string, c: Candidate): string {
  // The code and the id: two clinics never share both, so no two lots tie.
  return createHash('sha256').update(`${seed}:${c.code}:${c.id}`).digest('hex');
}

/** `size` of the candidates by the seed's lots; the same seed and candidates always give the same clinics. */
export function drawSample<C extends Candidate>(candidates: readonly C[], size: number, seed: string): C[] {
  return candidates
    .map((c) => ({ c, lot: lot(seed, c) }))
    .sort((a, b) => (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0))
    .slice(0, size)
    .map((x) => x.c);
}
