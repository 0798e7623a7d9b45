/**
 * 只读 users see 身份证号 and phone numbers masked (issue 9). The one definition of which fields
 * are personal and how each is masked; the dispatcher applies it to every answer and the
 * workbook builders to every exported row, when the signed-in role calls for it
 * (`masksPersonal` in shared/access.ts).
 */

/** `410102199001011234` → `4101**********1234`: the area and the last four stay. */
export function maskIdNumber(v: string): string {
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** `13812345678` → `138****5678`; shorter numbers keep their last two characters only. */
export function maskPhone(v: string): string {
  if (v.length >= 11) return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
  if (v.length > 4) return '*'.repeat(v.length - 2) + v.slice(-2);
  return '*'.repeat(v.length);
}

/** A personal field by its key in any answer or exported row: the 身份证号, a phone number. */
export function personalMask(key: string): ((v: string) => string) | null {
  if (key === 'idNumber' || key === 'idCard') return maskIdNumber;
  if (/phone$/i.test(key)) return maskPhone;
  return null;
}

/** A line of a person's 变更记录 names the field it changed by its label; its old and new values are masked alike. */
const personalLabels: Record<string, (v: string) => string> = { 身份证号: maskIdNumber, 联系电话: maskPhone };
const changedValueKeys = new Set(['oldValue', 'newValue']);

/** A copy of any JSON-like value with every personal string field masked, at any depth. */
export function maskPersonal<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(walk);
  if (value === null || typeof value !== 'object') return value;
  // Only plain records: Dates, Buffers and the like pass through as they are.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  const field: unknown = (value as Record<string, unknown>).field;
  const changeMask = typeof field === 'string' ? personalLabels[field] : undefined;
  for (const [k, v] of Object.entries(value)) {
    const mask = personalMask(k) ?? (changeMask && changedValueKeys.has(k) ? changeMask : null);
    out[k] = mask && typeof v === 'string' && v !== '' ? mask(v) : walk(v);
  }
  return out;
}
