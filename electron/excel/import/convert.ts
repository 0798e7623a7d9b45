/** One cell → the value its field expects, using the tolerant readers of cells.ts. */
import { isBlank, toBool, toIsoDate, toList, toNumber, toText, type Converted, type Plain } from './cells';
import { toDateRange, toDayOrMonth } from './dates';
import { normalizeHeader } from './headers';
import { toFen } from './money';
import type { FieldDef, FieldValue } from './types';

/** Each enum field's choices by their normalised spelling, made once per field, not once per cell. */
const choiceMaps = new WeakMap<FieldDef, Map<string, string>>();

function choicesOf(field: FieldDef): Map<string, string> {
  let m = choiceMaps.get(field);
  if (!m) {
    m = new Map(Object.entries(field.choices ?? {}).map(([text, value]) => [normalizeHeader(text), value]));
    choiceMaps.set(field, m);
  }
  return m;
}

function toChoice(field: FieldDef, v: Plain): Converted<string> {
  const value = choicesOf(field).get(normalizeHeader(toText(v)));
  if (value !== undefined) return { ok: true, value };
  const allowed = [...new Set(Object.keys(field.choices ?? {}))].slice(0, 6).join('、');
  return { ok: false, reason: `应为 ${allowed} 之一，实际是“${toText(v)}”` };
}

/** `undefined` for a blank cell: the caller decides between a default and the old value. */
export function convertCell(field: FieldDef, v: Plain): Converted<FieldValue | undefined> {
  if (isBlank(v)) return { ok: true, value: undefined };
  switch (field.type) {
    case 'number':
      return toNumber(v);
    case 'bool':
      return toBool(v);
    case 'date':
      return toIsoDate(v);
    case 'month': {
      const r = toDayOrMonth(v);
      return r.ok ? { ok: true, value: r.value.iso } : r;
    }
    case 'range':
      return toDateRange(v);
    case 'code':
      // Excel keeps 15 significant digits: an 18-digit 身份证号 typed into a General cell is already wrong.
      if (typeof v === 'number' && Math.abs(v) >= 1e15) {
        return { ok: false, reason: `被 Excel 存成了数字（${v.toExponential(5)}），15 位以后的数字已丢失；请把这一列设为“文本”后重新填写` };
      }
      return { ok: true, value: toText(v) };
    case 'list':
      return { ok: true, value: toList(v) };
    case 'enum':
      return toChoice(field, v);
    case 'money':
      return toFen(v, field.moneyUnit);
    default:
      return { ok: true, value: toText(v) };
  }
}
