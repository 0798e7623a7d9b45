import { describe, expect, it } from 'vitest';
import { classifyCoverage, shouldHaveOwnClinic, type CoverageFacts } from '../../shared/rules/coverage';

function facts(over: Partial<CoverageFacts> = {}): CoverageFacts {
  return { isCenterSeat: false, hostClinics: [], extensionClinicCount: 0, altCoverage: 'none', patrolVisitsPerMonth: 0, ...over };
}

describe('rule C1/C4: classifyCoverage', () => {
  it('a village with nothing is a 空白点', () => {
    expect(classifyCoverage(facts())).toBe('none');
  });

  it('the center seat beats a clinic standing in the village', () => {
    expect(classifyCoverage(facts({ isCenterSeat: true, hostClinics: [{ hostedVillageCount: 1 }] }))).toBe('center_seat');
    expect(classifyCoverage(facts({ isCenterSeat: true }))).toBe('center_seat');
  });

  it('a clinic hosting only this village is its own clinic', () => {
    expect(classifyCoverage(facts({ hostClinics: [{ hostedVillageCount: 1 }] }))).toBe('own_clinic');
  });

  it('a clinic hosting two or more villages is a shared (合建) clinic', () => {
    expect(classifyCoverage(facts({ hostClinics: [{ hostedVillageCount: 2 }] }))).toBe('shared_clinic');
    expect(classifyCoverage(facts({ hostClinics: [{ hostedVillageCount: 5 }, { hostedVillageCount: 3 }] }))).toBe('shared_clinic');
  });

  it('a village with both an own and a shared host clinic counts as own_clinic, whatever the order', () => {
    expect(classifyCoverage(facts({ hostClinics: [{ hostedVillageCount: 1 }, { hostedVillageCount: 2 }] }))).toBe('own_clinic');
    expect(classifyCoverage(facts({ hostClinics: [{ hostedVillageCount: 2 }, { hostedVillageCount: 1 }] }))).toBe('own_clinic');
  });

  it('a host clinic beats a neighbor extension and alternative coverage', () => {
    const f = facts({ hostClinics: [{ hostedVillageCount: 2 }], extensionClinicCount: 1, altCoverage: 'dispatch' });
    expect(classifyCoverage(f)).toBe('shared_clinic');
  });

  it('a neighbor extension beats dispatch and patrol', () => {
    expect(classifyCoverage(facts({ extensionClinicCount: 1 }))).toBe('neighbor_extension');
    expect(classifyCoverage(facts({ extensionClinicCount: 2, altCoverage: 'dispatch' }))).toBe('neighbor_extension');
    expect(classifyCoverage(facts({ extensionClinicCount: 1, altCoverage: 'patrol', patrolVisitsPerMonth: 4 }))).toBe('neighbor_extension');
  });

  it('dispatch without any clinic is dispatch', () => {
    expect(classifyCoverage(facts({ altCoverage: 'dispatch' }))).toBe('dispatch');
  });

  it('patrol counts only when visits are scheduled', () => {
    expect(classifyCoverage(facts({ altCoverage: 'patrol', patrolVisitsPerMonth: 1 }))).toBe('patrol');
    expect(classifyCoverage(facts({ altCoverage: 'patrol', patrolVisitsPerMonth: 0 }))).toBe('none');
  });

  it('patrol visits recorded without choosing patrol are no coverage', () => {
    expect(classifyCoverage(facts({ altCoverage: 'none', patrolVisitsPerMonth: 4 }))).toBe('none');
  });
});

describe('rule C1: shouldHaveOwnClinic', () => {
  it('switches at the small-village population of 800', () => {
    expect(shouldHaveOwnClinic('patrol', 799)).toBe(false);
    expect(shouldHaveOwnClinic('patrol', 800)).toBe(true);
    expect(shouldHaveOwnClinic('none', 799)).toBe(false);
    expect(shouldHaveOwnClinic('none', 800)).toBe(true);
    expect(shouldHaveOwnClinic('dispatch', 801)).toBe(true);
    expect(shouldHaveOwnClinic('neighbor_extension', 800)).toBe(true);
  });

  it('never asks for a clinic where one stands or at the center seat', () => {
    expect(shouldHaveOwnClinic('center_seat', 5000)).toBe(false);
    expect(shouldHaveOwnClinic('own_clinic', 5000)).toBe(false);
    expect(shouldHaveOwnClinic('shared_clinic', 5000)).toBe(false);
  });

  it('follows the threshold setting', () => {
    expect(shouldHaveOwnClinic('patrol', 999, 1000)).toBe(false);
    expect(shouldHaveOwnClinic('patrol', 1000, 1000)).toBe(true);
    expect(shouldHaveOwnClinic('patrol', 500, 500)).toBe(true);
  });
});
