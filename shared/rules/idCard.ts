/**
 * 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence whose
 * last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
 *
 * Legacy 15-digit numbers (issued before 1999: 6 + YYMMDD + 3, no check character) are
 * converted, not refused: the century is 19, and the check character is computed, exactly as
 * the public-security conversion does. Clerks still meet them on old rosters.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

interface IdCardInfo {
  /** The 18-character number, check character upper-case. */
  number: string;
  birthDate: string;
  sex: 'M' | 'F';
  convertedFrom15: boolean;
}

export type IdCardResult = { ok: true; info: IdCardInfo } | { ok: false; message: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function parseIdCard(raw: string, today = new Date()): IdCardResult {
  let s = raw.trim().toUpperCase().replace(/\s+/g, '');
  let converted = false;
  if (/^\d{15}$/.test(s)) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    s = first17 + checkCharacter(first17);
    converted = true;
  }
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, message: '身份证号应为 18 位（最后一位可以是 X），或 15 位旧号码' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (!realDate(y, m, d) || y < 1900) return { ok: false, message: `身份证号中的出生日期 ${s.slice(6, 14)} 不是有效日期` };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate > today.toISOString().slice(0, 10)) return { ok: false, message: '身份证号中的出生日期晚于今天' };
  if (checkCharacter(s.slice(0, 17)) !== s[17]) return { ok: false, message: '身份证号校验位不对，请核对每一位数字' };
  return { ok: true, info: { number: s, birthDate, sex: Number(s[16]) % 2 === 1 ? 'M' : 'F', convertedFrom15: converted } };
}

/** Whole years of age on a date (the birthday itself counts). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
