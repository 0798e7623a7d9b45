/**
 * Amounts of money as clerks type them, to integer 分 without floating-point error: ¥12,300.00,
 * ￥8 500, 12,300, 12300元, 1.23万, 1.23万元, 人民币500元整, full-width digits, and numeric cells.
 *
 * A typed amount is read digit by digit, never as `Number(s) * 100` (0.29 * 100 is
 * 28.999999999999996). A numeric cell is first written out with the 15 significant digits
 * Excel itself keeps, so a formula's 0.30000000000000004 reads 0.30 and 0.29 reads 0.29. More
 * decimals than a 分 (two of a 元, six of a 万元), a negative amount and anything garbled are
 * refused with a Chinese reason.
 */
import { toHalfWidth } from '../../../shared/text';
import type { Converted, Plain } from './cells';

/** What a bare number in the column means: 元, or 万元 for a column headed 原值（万元）. */
export type MoneyUnit = 'yuan' | 'wan';

/** The largest amount the asset schemas accept: 1e13 分 (one hundred billion 元). */
export const MAX_FEN = 1e13;

const DECIMALS: Record<MoneyUnit, number> = { yuan: 2, wan: 6 };

const EXAMPLE = '如 12300、12,300.00、¥12,300.00、1.23万';

/** An unsigned decimal with optional thousands separators: 12300, 12,300.00, .5 */
const DECIMAL = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d+))?$/;
const PREFIX = /^(?:人民币|rmb|cny|¥)+/i;
const SUFFIX = /(万元|万|元整|元|圆)$/;

/** Digits of a decimal in `unit` → 分, exactly; a reason when it is finer than a 分 or too large. */
function decimalToFen(intDigits: string, fraction: string, unit: MoneyUnit, shown: string): Converted<number> {
  const places = DECIMALS[unit];
  const frac = fraction.replace(/0+$/, '');
  if (frac.length > places) {
    return {
      ok: false,
      reason:
        unit === 'wan' ? `以万元为单位时最多六位小数（精确到分），实际是“${shown}”` : `金额最多两位小数（精确到分），实际是“${shown}”`,
    };
  }
  const digits = `${intDigits.replace(/^0+/, '')}${frac.padEnd(places, '0')}`.replace(/^0+/, '');
  if (digits.length > String(MAX_FEN).length || Number(digits || '0') > MAX_FEN) return { ok: false, reason: `金额过大：“${shown}”` };
  return { ok: true, value: Number(digits || '0') };
}

function fromNumber(v: number, unit: MoneyUnit): Converted<number> {
  if (!Number.isFinite(v)) return { ok: false, reason: '不是有效的金额' };
  if (v < 0) return { ok: false, reason: `金额不能为负数，实际是“${v}”` };
  if (v * (unit === 'wan' ? 1e6 : 100) > MAX_FEN) return { ok: false, reason: `金额过大：“${v}”` };
  // Excel keeps 15 significant digits: written that way the cell reads as the clerk sees it.
  const s = v.toPrecision(15);
  if (/e/i.test(s)) return { ok: false, reason: `金额最多两位小数（精确到分），实际是“${v}”` };
  const [int = '0', fraction = ''] = s.split('.');
  return decimalToFen(int, fraction, unit, String(v));
}

/** An amount in 分; `unit` is what a bare number means in this column. */
export function toFen(v: Plain, unit: MoneyUnit = 'yuan'): Converted<number> {
  if (typeof v === 'number') return fromNumber(v, unit);
  if (typeof v === 'boolean' || v instanceof Date)
    return { ok: false, reason: `应填金额（${EXAMPLE}），实际是“${v instanceof Date ? v.toISOString().slice(0, 10) : v ? '是' : '否'}”` };
  const typed = v.trim();
  let s = toHalfWidth(typed).replace(/[\s\u00a0\u3000]/g, '');
  if (/^[-−–—]|^\(.*\)$|^（.*）$/.test(s) || /^(?:人民币|rmb|cny|¥)+[-−–—]/i.test(s)) {
    return { ok: false, reason: `金额不能为负数，实际是“${typed}”` };
  }
  s = s.replace(/^\+/, '').replace(PREFIX, '');
  const suffix = SUFFIX.exec(s)?.[1];
  if (suffix) s = s.slice(0, -suffix.length);
  const effective: MoneyUnit = suffix === '万' || suffix === '万元' ? 'wan' : suffix ? 'yuan' : unit;
  const m = DECIMAL.exec(s);
  if (!m || s === '' || s === '.') return { ok: false, reason: `应填金额（${EXAMPLE}），实际是“${typed}”` };
  const intDigits = (m[1] ?? m[2] ?? '').replace(/,/g, '');
  return decimalToFen(intDigits, m[3] ?? '', effective, typed);
}
