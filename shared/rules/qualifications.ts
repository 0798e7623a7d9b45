/**
 * Rules S3, S4, S14: which qualifications a village doctor may practise on, which count toward
 * the licensed/assistant target, and when a certificate stops counting.
 */
export const qualificationKinds = [
  'licensed_physician',
  'assistant_physician',
  'rural_gp_assistant',
  'tcm_specialty',
  'secondary_diploma',
  'village_doctor_cert',
] as const;
export type QualificationKind = (typeof qualificationKinds)[number];

export const qualificationLabels: Record<QualificationKind, string> = {
  licensed_physician: '执业医师',
  assistant_physician: '执业助理医师',
  rural_gp_assistant: '乡村全科执业助理医师',
  tcm_specialty: '中医（专长）医师',
  secondary_diploma: '中等以上医学专业学历',
  village_doctor_cert: '乡村医生执业证书',
};

/** Highest first; "highest qualification" is the first held kind in this order. */
export const qualificationRank: readonly QualificationKind[] = [
  'licensed_physician',
  'assistant_physician',
  'rural_gp_assistant',
  'tcm_specialty',
  'village_doctor_cert',
  'secondary_diploma',
];

/** S4: licensed or assistant physicians; the rural GP assistant counts as an assistant (glossary). */
export function countsTowardTarget(kind: QualificationKind): boolean {
  return kind === 'licensed_physician' || kind === 'assistant_physician' || kind === 'rural_gp_assistant';
}

export interface HeldQualification {
  kind: QualificationKind;
  validUntil: string | null;
}

/** S14: a certificate past its validity date is no qualification at all (S3). */
export function isValidOn(q: HeldQualification, date: string): boolean {
  return q.validUntil === null || q.validUntil === '' || q.validUntil >= date;
}

export function validKinds(quals: readonly HeldQualification[], date: string): QualificationKind[] {
  return quals.filter((q) => isValidOn(q, date)).map((q) => q.kind);
}

/** S3: holds at least one of the qualifications a village doctor may practise on. */
export function hasValidQualification(quals: readonly HeldQualification[], date: string): boolean {
  return validKinds(quals, date).length > 0;
}

export function highestQualification(quals: readonly HeldQualification[], date: string): QualificationKind | null {
  const held = new Set(validKinds(quals, date));
  return qualificationRank.find((k) => held.has(k)) ?? null;
}

/** S4: the share of village doctors holding a licensed/assistant qualification. */
export function qualifiedRatio(
  people: readonly (readonly HeldQualification[])[],
  date: string,
): { qualified: number; total: number; ratio: number } {
  const total = people.length;
  const qualified = people.filter((quals) => validKinds(quals, date).some(countsTowardTarget)).length;
  return { qualified, total, ratio: total === 0 ? 0 : qualified / total };
}

export function meetsRatioTarget(ratio: number, target: number): boolean {
  // A hair of tolerance so 0.45 computed as 0.4499999… still meets 45%, and 44.98% does not.
  return ratio >= target - 1e-9;
}

/** S5: a head past the age limit may stay only with county approval and one of these. */
export function mayExtendHeadship(quals: readonly HeldQualification[], date: string): boolean {
  return validKinds(quals, date).some(
    (k) => k === 'licensed_physician' || k === 'assistant_physician' || k === 'rural_gp_assistant' || k === 'tcm_specialty',
  );
}
