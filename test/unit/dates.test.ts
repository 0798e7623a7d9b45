import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInclusive, daysWithinYear } from '../../shared/rules/dates';

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-15', 90)).toBe('2026-09-13');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });
});

describe('addMonths', () => {
  it('keeps the day of the month when it exists', () => {
    expect(addMonths('2026-03-01', 6)).toBe('2026-09-01');
    expect(addMonths('2026-06-15', 12)).toBe('2027-06-15');
    expect(addMonths('2026-11-10', 2)).toBe('2027-01-10');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('goes backwards across the year, clamping too', () => {
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-06-15', -18)).toBe('2024-12-15');
    expect(addMonths('2026-06-15', 0)).toBe('2026-06-15');
  });
});

describe('daysInclusive', () => {
  it('counts both ends', () => {
    expect(daysInclusive('2026-01-01', '2026-01-07')).toBe(7);
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    expect(daysInclusive('2026-02-20', '2026-03-01')).toBe(10);
  });

  it('is zero or negative when the end comes first', () => {
    expect(daysInclusive('2026-01-02', '2026-01-01')).toBe(0);
    expect(daysInclusive('2026-01-10', '2026-01-01')).toBe(-8);
  });
});

describe('daysWithinYear', () => {
  it('counts a period inside the year in full', () => {
    expect(daysWithinYear('2026-04-01', '2026-04-30', 2026)).toBe(30);
  });

  it('splits a period crossing New Year between the two years', () => {
    expect(daysWithinYear('2025-12-20', '2026-01-10', 2025)).toBe(12);
    expect(daysWithinYear('2025-12-20', '2026-01-10', 2026)).toBe(10);
    expect(daysWithinYear('2025-12-20', '2026-01-10', 2024)).toBe(0);
    expect(daysWithinYear('2025-12-20', '2026-01-10', 2027)).toBe(0);
  });

  it('clips a period longer than the year to the whole year', () => {
    expect(daysWithinYear('2025-06-01', '2027-06-01', 2026)).toBe(365);
    expect(daysWithinYear('2027-06-01', '2029-06-01', 2028)).toBe(366);
  });

  it('counts single days at the year edges', () => {
    expect(daysWithinYear('2026-12-31', '2026-12-31', 2026)).toBe(1);
    expect(daysWithinYear('2026-01-01', '2026-01-01', 2026)).toBe(1);
    expect(daysWithinYear('2026-12-31', '2027-01-01', 2027)).toBe(1);
  });
});
