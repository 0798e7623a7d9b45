/**
 * How a receipt row is read (issue 10 part 4): a spec compared as its quantity tokens with the
 * units unified — never by similarity — and an expiry written as a month meaning its last day
 * (a label's 有效期至 2027-06 is usable through the end of June).
 */
import { describe, expect, it } from 'vitest';
import { specKey } from '../../electron/domains/drugs/receipts/drugMatch';
import { expiryDay } from '../../electron/domains/drugs/receipts/importKind';

describe('receipt rows as clerks write them', () => {
  it('specs: width, ×/*, 克/g, 毫克/mg, the pack unit and token order do not matter; the quantities do', () => {
    expect(specKey('0.25克×24粒/盒')).toBe(specKey('0.25g*24粒'));
    expect(specKey('２４粒＊０.２５ｇ')).toBe(specKey('0.25g*24粒'));
    expect(specKey('500毫克*12片')).toBe(specKey('500mg×12片'));
    expect(specKey('1.0g*10支')).toBe(specKey('1g*10支'));
    expect(specKey('0.25g*12粒')).not.toBe(specKey('0.25g*24粒'));
    expect(specKey('20mg*30片')).not.toBe(specKey('10mg*30片'));
    expect(specKey('0.5g*48片')).not.toBe(specKey('0.5mg*48片'));
  });

  it('an expiry month is its last day, leap years included; a full day stays', () => {
    expect(expiryDay('2027-06')).toBe('2027-06-30');
    expect(expiryDay('2028-02')).toBe('2028-02-29');
    expect(expiryDay('2027-02')).toBe('2027-02-28');
    expect(expiryDay('2027-12')).toBe('2027-12-31');
    expect(expiryDay('2027-06-15')).toBe('2027-06-15');
  });
});
