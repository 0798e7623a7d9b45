/**
 * Reading points as county templates write them (P6), on normalised tokens rather than exact
 * strings: full-width and half-width forms are one (NFKC: （２分） is (2分)), spaces go, and the
 * bracket, comma and word variants all mean the same. Points are integer tenths (0.5 分 → 5),
 * the unit the schema stores (migration 10).
 *
 * What a points text may say:
 *   - a number, with or without 分: 10, 10分, 2.5;
 *   - a veto: 一票否决 (or 否决);
 *   - a base and a bonus beside it: 12分,7分奖分 — base 12, bonus 7;
 *   - only a bonus: 2分,为奖励分 / 加分5分 / 奖励分3分 — base 0, bonus the number.
 */

export interface Points {
  baseTenths: number;
  bonusTenths: number;
  veto: boolean;
}

/** One form for every width, bracket and space variant. */
export function normaliseToken(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[【［〔]/g, '(')
    .replace(/[】］〕]/g, ')')
    .replace(/[，、;；]/g, ',')
    .replace(/\s+/g, '');
}

const BONUS_WORD = /奖|加分/;
const NUMBER = /(\d+(?:\.\d+)?)/;

/** Tenths of a point, or an error saying why the number cannot be stored exactly. */
export function toTenths(value: number): number | string {
  if (!Number.isFinite(value) || value < 0) return `分值“${String(value)}”不是有效的分数`;
  const tenths = Math.round(value * 10);
  if (Math.abs(tenths - value * 10) > 1e-6) return `分值“${String(value)}”超过一位小数，请写到 0.1 分`;
  return tenths;
}

/**
 * The points a text states, or null when it states none; a string when it states a number that
 * cannot be stored (more than one decimal).
 */
export function readPoints(raw: string): Points | null | string {
  const text = normaliseToken(raw).replace(/^\((.*)\)$/, '$1');
  if (text === '') return null;
  if (/否决/.test(text)) return { baseTenths: 0, bonusTenths: 0, veto: true };
  const parts = text.split(',').filter((p) => p !== '');
  const wholeIsBonus = parts.some((p) => BONUS_WORD.test(p) && !NUMBER.test(p));
  let base = 0;
  let bonus = 0;
  let any = false;
  for (const part of parts) {
    const m = NUMBER.exec(part);
    if (!m) continue;
    // A number must read as points: bare, or followed by 分 (not 2次, 95%).
    const rest = part.slice((m.index ?? 0) + m[0].length);
    if (rest !== '' && !rest.startsWith('分')) continue;
    const tenths = toTenths(Number(m[1]));
    if (typeof tenths === 'string') return tenths;
    any = true;
    if (wholeIsBonus || BONUS_WORD.test(part)) bonus += tenths;
    else base += tenths;
  }
  return any ? { baseTenths: base, bonusTenths: bonus, veto: false } : null;
}

/**
 * A text ending in a bracket that states points (组织领导、计划总结和项目公示（7分）, …建立健全制度（2分，为奖励分）):
 * the text without the bracket and the points; the text unchanged and null when it ends otherwise.
 */
export function trailingPoints(text: string): { text: string; points: Points | null | string } {
  const trimmed = text.trim();
  const m = /[(（]([^()（）]*)[)）]\s*$/.exec(trimmed);
  if (!m) return { text: trimmed, points: null };
  const inner = m[1] ?? '';
  if (!/分|否决/.test(normaliseToken(inner))) return { text: trimmed, points: null };
  const points = readPoints(inner);
  if (points === null) return { text: trimmed, points: null };
  return { text: trimmed.slice(0, m.index).trim(), points };
}

/** 7 分 / 0.5 分 / 115 分: tenths as people write points. */
export function pointsText(tenths: number): string {
  return `${tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)} 分`;
}
