import { describe, expect, it } from 'vitest';
import { requiredDoctors } from '../../shared/rules/staffing';

describe('rule S1: requiredDoctors', () => {
  it.each([
    [0, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [2500, 3],
    [3000, 3],
    [3001, 4],
  ])('%i people need %i doctor(s) at the default 1,000 per doctor', (population, doctors) => {
    expect(requiredDoctors(population)).toBe(doctors);
  });

  it.each([
    [0, 1],
    [800, 1],
    [801, 2],
    [1600, 2],
    [2500, 4],
  ])('%i people need %i doctor(s) at 800 per doctor', (population, doctors) => {
    expect(requiredDoctors(population, 800)).toBe(doctors);
  });

  it('counts a negative or non-finite population as one doctor, never zero or NaN', () => {
    expect(requiredDoctors(-50)).toBe(1);
    expect(requiredDoctors(Number.NaN)).toBe(1);
    expect(requiredDoctors(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('uses the divisor it is given, not the default', () => {
    expect(requiredDoctors(2500, 2000)).toBe(2);
    expect(requiredDoctors(2500, 500)).toBe(5);
  });
});
