/** One cell → the value its field expects, using the tolerant readers of cells.ts. */
import { isBlank, toBool, toIsoDate, toList, toNumber, toText, type Converted, type Plain } from './cells';
import { normalizeHeader } from './headers';
import type { FieldDef, FieldValue } from './types';

function toChoice(field: FieldDef, v: Plain): Converted<string> {
  const choices = field.choices ?? {};
  const wanted = normalizeHeader(toText(v));
  for (const [text, value] of Object.entries(choices)) {
    if (normalizeHeader(text) === wanted) return { ok: true, value };
  }
  const allowed = [...new Set(Object.keys(choices))].slice(0, 6).join('、');
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
    case 'list':
      return { ok: true, value: toList(v) };
    case 'enum':
      return toChoice(field, v);
    default:
      return { ok: true, value: toText(v) };
  }
}
