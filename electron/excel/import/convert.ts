/** One cell → the value its field expects, using the tolerant readers of cells.ts and values.ts. */
import { cleanText, hasLoneSurrogate } from '../../../shared/text';
import { isBlank, toBool, toIsoDate, toList, toNumber, toText, type Plain } from './cells';
import { toDateRange, toDayOrMonth } from './dates';
import { toFen } from './money';
import type { FieldDef, FieldValue } from './types';
import { readChoice } from './values';

/**
 * A cell's value, or why it cannot be read. `note`: how a cell not written as the field expects
 * was understood, for the preview (“乡村医生执业证”理解为“乡村医生执业证书”); `also`: a value for
 * another field the cell carries (乡聘村用（编外） → 编制 编外), for the plan to apply when that
 * field's own cell is blank.
 */
export type CellRead =
  { ok: true; value: FieldValue | undefined; note?: string; also?: { key: string; value: FieldValue } } | { ok: false; reason: string };

/** Words for "no value" in a choice column, the app's own among them. */
const NO_VALUE = /^(无有效资格|无资格|待核定|未核定|待定|不详|未知|暂无|无|—+|-+|\/)$/;

const LONE_SURROGATE = '含有无法识别的字符（不成对的代理项），请在表格中重新输入这一格';

/**
 * `undefined` for a blank cell: the caller decides between a default and the old value.
 * `fields`: the kind's fields, where an enum's `qualifierField` is looked up.
 */
export function convertCell(field: FieldDef, raw: Plain, fields?: readonly FieldDef[]): CellRead {
  // Refused, not cleaned: half a surrogate pair is a character lost in copying, and the row
  // would otherwise be saved without it. The plan names the column.
  if (typeof raw === 'string' && hasLoneSurrogate(raw)) return { ok: false, reason: LONE_SURROGATE };
  // The reader already cleans (cells.ts plainValue); again here, cheaply, so that whatever
  // reader fills the grid, what is matched and stored is the cleaned text.
  const v = typeof raw === 'string' ? cleanText(raw, { multiline: true }) : raw;
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
      return { ok: true, value: cleanText(toText(v)) };
    case 'list':
      return { ok: true, value: toList(v) };
    case 'enum': {
      const read = readChoice(field, toText(v), fields);
      // What the app itself writes where a choice has no value (花名册 最高资格 无有效资格, the
      // catalog's 基药 待核定) reads back as a blank cell, not as a wrong value (issue 12 item 3).
      if (!read.ok && NO_VALUE.test(toText(v).replace(/\s/g, ''))) return { ok: true, value: undefined, note: `“${toText(v)}”按未填处理` };
      return read;
    }
    case 'money':
      return toFen(v, field.moneyUnit);
    default:
      return { ok: true, value: field.multiline ? toText(v) : cleanText(toText(v)) };
  }
}
