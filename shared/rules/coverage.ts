/**
 * Rule C1 (seeds 000, 001, 003): every administrative village has a publicly owned clinic,
 * except the village the center stands in and small or hard-to-staff villages, which are
 * covered by patrol, dispatch or a neighbor's clinic. Rule C4: one clinic may serve several
 * villages (合建). A village covered by none of these is a 空白点 and must be driven to zero.
 */
export const coverageKinds = ['center_seat', 'own_clinic', 'shared_clinic', 'neighbor_extension', 'dispatch', 'patrol', 'none'] as const;
export type CoverageKind = (typeof coverageKinds)[number];

export const coverageLabels: Record<CoverageKind, string> = {
  center_seat: '卫生院驻地',
  own_clinic: '本村卫生室',
  shared_clinic: '合建卫生室',
  neighbor_extension: '邻村延伸',
  dispatch: '派驻',
  patrol: '巡诊',
  none: '空白点',
};

/** What the registry knows about one village's coverage. Only open clinics count. */
export interface CoverageFacts {
  isCenterSeat: boolean;
  /** Open clinics that stand in this village, each with how many villages it hosts. */
  hostClinics: { hostedVillageCount: number }[];
  /** Open clinics of neighboring villages that extend their service here. */
  extensionClinicCount: number;
  altCoverage: 'none' | 'patrol' | 'dispatch';
  patrolVisitsPerMonth: number;
}

/** The strongest coverage a village has, in the order a county inspector would ask. */
export function classifyCoverage(f: CoverageFacts): CoverageKind {
  if (f.isCenterSeat) return 'center_seat';
  if (f.hostClinics.length > 0) {
    return f.hostClinics.some((c) => c.hostedVillageCount <= 1) ? 'own_clinic' : 'shared_clinic';
  }
  if (f.extensionClinicCount > 0) return 'neighbor_extension';
  if (f.altCoverage === 'dispatch') return 'dispatch';
  // A patrol that never comes is no coverage at all.
  if (f.altCoverage === 'patrol' && f.patrolVisitsPerMonth > 0) return 'patrol';
  return 'none';
}

/**
 * C1's exception test: a village that is neither the center seat nor under the small-village
 * population may not stay without a clinic of its own for good. Returned as a hint, not an
 * error: "no qualified doctor can be recruited for now" is also an accepted reason.
 */
export function shouldHaveOwnClinic(kind: CoverageKind, servicePopulation: number, smallVillagePopulation = 800): boolean {
  if (kind === 'center_seat' || kind === 'own_clinic' || kind === 'shared_clinic') return false;
  return servicePopulation >= smallVillagePopulation;
}
