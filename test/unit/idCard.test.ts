import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, parseIdCard } from '../../shared/rules/idCard';

const today = new Date('2026-11-22T00:00:00Z');

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard example number and derives birth date and sex', () => {
    const r = parseIdCard('11010519491231002X', today);
    expect(r).toEqual({ ok: true, info: { number: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', convertedFrom15: false } });
  });

  it('accepts a lower-case x and surrounding spaces, storing upper case', () => {
    const r = parseIdCard(' 11010519491231002x ', today);
    expect(r.ok && r.info.number).toBe('11010519491231002X');
  });

  it('derives male from an odd 17th digit', () => {
    const first17 = '41080219800101001';
    const r = parseIdCard(first17 + checkCharacter(first17), today);
    expect(r.ok && r.info.sex).toBe('M');
  });

  it('refuses a wrong check digit', () => {
    const r = parseIdCard('110105194912310021', today);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('校验位') });
  });

  it('refuses impossible dates: 30 February, month 13, a future birth', () => {
    for (const first17 of ['41080219800230001', '41080219801301001', '41080220301001001']) {
      const r = parseIdCard(first17 + checkCharacter(first17), today);
      expect(r.ok).toBe(false);
    }
  });

  it('accepts 29 February in a leap year only', () => {
    const leap = '41080220000229001';
    const notLeap = '41080219990229001';
    expect(parseIdCard(leap + checkCharacter(leap), today).ok).toBe(true);
    expect(parseIdCard(notLeap + checkCharacter(notLeap), today).ok).toBe(false);
  });

  it('converts a 15-digit legacy number to 18 digits with century 19 and a computed check', () => {
    const r = parseIdCard('410802800101001', today);
    expect(r.ok && r.info).toEqual({
      number: `41080219800101001${checkCharacter('41080219800101001')}`,
      birthDate: '1980-01-01',
      sex: 'M',
      convertedFrom15: true,
    });
  });

  it('refuses wrong lengths and letters', () => {
    for (const bad of ['', '1234', '4108021980010100', '41080219800101001Y', 'ABCDEFGHIJKLMNOPQR'])
      expect(parseIdCard(bad, today).ok).toBe(false);
  });
});

describe('age', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1961-11-22', '2026-11-21')).toBe(64);
    expect(ageOn('1961-11-22', '2026-11-22')).toBe(65);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
});
