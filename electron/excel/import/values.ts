/**
 * Enum cells as clerks write them. A field's `choices` list the usual spellings; a cell that is
 * none of them word for word is still understood when it plainly means one:
 *
 * 1. compared normalised (shared/text normalizeText): width, brackets, spaces, case;
 * 2. an ending that names the paper rather than the thing dropped — 乡村医生执业证, 执业医师资格证,
 *    中医（专长）医师证书, 大专学历 (SUFFIXES, up to two of them);
 * 3. a main value and a qualifier — 乡聘村用（编外）, 乡聘村用(余编), 乡聘村用 编外, 乡聘村用编外:
 *    the two together may be one choice (中医（专长） = 中医专长); else the main value is taken and
 *    the qualifier sets the field's `qualifierField` (编制 编外), agrees with the main value, or is
 *    left out with a note — unless it says the value does not hold (已注销, 过期, 在读 …), which
 *    is refused, since 执业助理医师（已注销） is no qualification;
 * 4. the cell containing exactly one choice (函授大专 → 大专), or being part of choices that all
 *    mean one value (全科执业助理 → 乡村全科执业助理医师).
 *
 * Whatever is not read word for word comes with a note for the preview (理解为 …); a cell that
 * names no choice, or two, is refused with every accepted spelling, grouped by what it means.
 */
import { normalizeText, toHalfWidth } from '../../../shared/text';
import type { FieldDef } from './types';

export type ChoiceRead = { ok: true; value: string; note?: string; also?: { key: string; value: string } } | { ok: false; reason: string };

interface Target {
  value: string;
  /** The value's name in notes and messages: the key equal to the value, else its first key. */
  label: string;
  /** Every key for the value as written in `choices`. */
  spellings: string[];
}

interface Table {
  byKey: Map<string, string>;
  /** In the order of their first key. */
  targets: Map<string, Target>;
  /** Normalised keys of two characters or more, for containment. */
  keys: string[];
}

/** Endings that name a certificate or a level rather than the choice, longest first. */
const SUFFIXES = ['执业证书', '资格证书', '执业资格', '执业证', '资格证', '证书', '学历', '毕业', '人员', '资格', '证'];

/** A qualifier that says the value does not (yet, or any more) hold. */
const NEGATING = /未|无|不|非|注销|吊销|撤销|过期|失效|作废|在读|待|拟|停|暂/;

/** Each enum field's table, made once per field, not once per cell. */
const tables = new WeakMap<FieldDef, Table>();

function tableOf(field: FieldDef): Table {
  let t = tables.get(field);
  if (t) return t;
  const byKey = new Map<string, string>();
  const targets = new Map<string, Target>();
  for (const [text, value] of Object.entries(field.choices ?? {})) {
    const key = normalizeText(text);
    if (!byKey.has(key)) byKey.set(key, value);
    const target = targets.get(value);
    if (!target) targets.set(value, { value, label: text, spellings: [text] });
    else {
      if (!target.spellings.some((s) => normalizeText(s) === key)) target.spellings.push(text);
      if (text === value) target.label = text;
    }
  }
  t = { byKey, targets, keys: [...byKey.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length) };
  tables.set(field, t);
  return t;
}

const labelOf = (t: Table, value: string) => t.targets.get(value)?.label ?? value;

/** The text, then the text without one and two certificate endings. */
function stripped(s: string): string[] {
  const out = [s];
  let cur = s;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((x) => cur.endsWith(x) && cur.length > x.length);
    if (!suffix) break;
    cur = cur.slice(0, -suffix.length);
    out.push(cur);
  }
  return out;
}

/** A choice named outright, or once its certificate ending is dropped. */
function direct(t: Table, s: string): string | undefined {
  for (const form of stripped(s)) {
    const v = t.byKey.get(form);
    if (v !== undefined) return v;
  }
  return undefined;
}

type Contained = { value: string } | { ambiguous: string[] } | null;

/** A negating word in `text` that `key` does not have: 非公有 does not contain the choice 公有. */
function negates(text: string, key: string): boolean {
  const m = NEGATING.exec(text);
  return m !== null && !key.includes(m[0]);
}

/** The one choice the text contains, or the one value of all the choices containing it. */
function contained(t: Table, s: string): Contained {
  for (const form of stripped(s)) {
    if (form.length < 2) continue;
    const within = t.keys.filter((k) => form.includes(k) && !negates(form, k));
    // 执业助理医师 contains 医师 too: only the longest spelling found counts.
    const outer = within.filter((k) => !within.some((o) => o !== k && o.includes(k)));
    const hits = new Set((outer.length > 0 ? outer : t.keys.filter((k) => k.includes(form))).map((k) => t.byKey.get(k) as string));
    // In the table's order, as the refusal lists them.
    const found = [...t.targets.keys()].filter((v) => hits.has(v));
    if (found.length === 1) return { value: found[0] as string };
    if (found.length > 1) return { ambiguous: found };
  }
  return null;
}

function resolve(t: Table, s: string): Contained {
  const v = direct(t, s);
  return v !== undefined ? { value: v } : contained(t, s);
}

/** Ways to split a cell into a main value and a qualifier: brackets, a separator, or a choice and what follows it. */
function splits(raw: string, n: string, t: Table, qualifier: Table | undefined): { main: string; qual: string; bracket: boolean }[] {
  const out: { main: string; qual: string; bracket: boolean }[] = [];
  const trailing = /^(.+?)\((.+)\)$/.exec(n);
  if (trailing) out.push({ main: trailing[1] as string, qual: trailing[2] as string, bracket: true });
  const leading = /^\(([^)]+)\)(.+)$/.exec(n);
  if (leading) out.push({ main: leading[2] as string, qual: leading[1] as string, bracket: true });
  const parts = toHalfWidth(raw)
    .split(/[\s/\\,，、;；\-—–~～]+/)
    .map(normalizeText)
    .filter(Boolean);
  if (parts.length === 2) out.push({ main: parts[0] as string, qual: parts[1] as string, bracket: false });
  if (qualifier) {
    // 乡聘村用编外 / 编外乡聘村用: a choice at either end, the qualifier the rest.
    const head = t.keys.find((k) => n.startsWith(k) && n.length > k.length);
    if (head) out.push({ main: head, qual: n.slice(head.length), bracket: false });
    const tail = t.keys.find((k) => n.endsWith(k) && n.length > k.length);
    if (tail) out.push({ main: tail, qual: n.slice(0, -tail.length), bracket: false });
  }
  return out;
}

const q = (s: string) => `“${s}”`;

/** Every accepted spelling, grouped by what it means: 男（男性、m）；女（女性、f）. */
export function acceptedValues(field: FieldDef): string {
  return [...tableOf(field).targets.values()]
    .map((g) => {
      const others = g.spellings.filter((s) => s !== g.label);
      return others.length > 0 ? `${g.label}（${others.join('、')}）` : g.label;
    })
    .join('；');
}

function refusal(field: FieldDef, t: Table, raw: string, ambiguous?: readonly string[]): string {
  const which =
    ambiguous && ambiguous.length > 1 ? `（“${raw}”可能是${ambiguous.map((v) => q(labelOf(t, v))).join('或')}，请写明其中一个）` : '';
  return `应为以下之一：${acceptedValues(field)}，实际是“${raw}”${which}`;
}

/**
 * An enum cell (already known not blank) → the stored value, with a note when it was not written
 * as a choice. `fields`: the kind's fields, where the field's `qualifierField` is found.
 */
export function readChoice(field: FieldDef, raw: string, fields?: readonly FieldDef[]): ChoiceRead {
  const t = tableOf(field);
  const n = normalizeText(raw);
  const exact = t.byKey.get(n);
  if (exact !== undefined) return { ok: true, value: exact };
  const qualifier = field.qualifierField ? fields?.find((f) => f.key === field.qualifierField) : undefined;
  const read = (value: string, extra = ''): ChoiceRead => ({ ok: true, value, note: `${q(raw)}理解为${q(labelOf(t, value))}${extra}` });

  const plain = direct(t, n);
  if (plain !== undefined) return read(plain);

  const qt = qualifier ? tableOf(qualifier) : undefined;
  let ambiguous: string[] | undefined;
  for (const { main, qual, bracket } of splits(raw, n, t, qt)) {
    const joined = direct(t, main + qual) ?? direct(t, qual + main);
    if (joined !== undefined) return read(joined);
    const m = resolve(t, main);
    if (!m || !('value' in m)) continue;
    if (qualifier && qt) {
      const qv = resolve(qt, qual);
      if (qv && 'value' in qv) {
        return {
          ok: true,
          value: m.value,
          note: `${q(raw)}理解为${q(labelOf(t, m.value))}，${q(qualifier.label)}为${q(labelOf(qt, qv.value))}`,
          also: { key: qualifier.key, value: qv.value },
        };
      }
    }
    const same = resolve(t, qual);
    if (same && 'value' in same) {
      if (same.value === m.value) return read(m.value);
      ambiguous = [m.value, same.value];
      continue;
    }
    if (qualifier && qt) {
      // The qualifier is the other field's, but none of its values: better asked than guessed.
      return {
        ok: false,
        reason: `“${raw}”中的“${qual}”看不出${q(qualifier.label)}是什么（${q(qualifier.label)}应为以下之一：${acceptedValues(qualifier)}）；请改写，或把它填在${q(qualifier.label)}列`,
      };
    }
    if (NEGATING.test(qual)) {
      return { ok: false, reason: `“${raw}”中的“${qual}”说明它并不成立，无法导入；请只写${q(labelOf(t, m.value))}这样的值，或不填` };
    }
    return read(m.value, bracket ? `（括号中的“${qual}”未导入）` : `（“${qual}”未导入）`);
  }

  const c = contained(t, n);
  if (c && 'value' in c) return read(c.value);
  return { ok: false, reason: refusal(field, t, raw, ambiguous ?? (c && 'ambiguous' in c ? c.ambiguous : undefined)) };
}
