/**
 * Rule S1 (DOMAIN.md, seed 001): one village doctor per 1,000 service population; under
 * 1,000 counts as one. The divisor is the setting `staffingPopulationPerDoctor`.
 */
export function requiredDoctors(servicePopulation: number, populationPerDoctor = 1000): number {
  if (!Number.isFinite(servicePopulation) || servicePopulation <= 0) return 1;
  return Math.max(1, Math.ceil(servicePopulation / populationPerDoctor));
}
