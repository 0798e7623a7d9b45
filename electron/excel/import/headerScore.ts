/**
 * A header is not looked up in a list: it is scored against every field's label and synonyms,
 * and each column goes to the field it fits best (see `headerScore`). Before comparing, both
 * sides are normalised the ways people write them — spaces and line breaks, full-width
 * characters and brackets, * or ※ marking required columns, a trailing colon, a unit in
 * brackets (服务人口（人）), a leading 是否 (是否医保定点) — and words clerks use
 * interchangeably are written one way (覆盖/服务, 行政村/村庄/村, 时间/日期/年月, 类型/类别 …).
 * Then, best first: the same text (1); the same after those words (0.97); the same after a
 * tail that adds nothing (服务村名称 = 服务村, 0.93); the header ending in a name, a qualified
 * form of it (资产原值 → 原值), or the header a shortened name (卫生室名 → 卫生室名称), scored by
 * how much of the longer one the shorter covers; and last one text being the other with a
 * word inserted or changed (执业证书类别 → 执业类别), by their longest common subsequence.
 */
import { toHalfWidth } from '../../../shared/text';
import type { FieldDef } from './types';

/** The lowest score that makes a column a field's; under it the column is listed as unknown. */
export const MATCH_THRESHOLD = 0.6;

/** A column whose second-best field scores within this of the best is shown as a choice made. */
export const AMBIGUITY_MARGIN = 0.1;

/** Longer cells are data or notes, not column names: not scored. */
export const MAX_HEADER_LENGTH = 40;

/** Columns every county sheet has that carry nothing to import. */
export const IGNORED = new Set(['序号', '编号序号', 'no', 'no.']);

export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[\s*※]/g, '')
    .replace(/[:]+$/, '')
    .toLowerCase();
}

/**
 * Words clerks use for one another in column names, each written one way on both sides before
 * comparing (longer spellings first). Only words that never tell two columns apart belong here.
 */
const SAME_WORDS: readonly [RegExp, string][] = [
  [/年月日|年月|时间/g, '日期'],
  [/行政村|村庄/g, '村'],
  [/覆盖/g, '服务'],
  [/号码/g, '号'],
  [/编码|代码/g, '编号'],
  [/类型|种类/g, '类别'],
  [/方式|性质/g, '形式'],
  [/地点|位置/g, '地址'],
];

/** Tails that add nothing to what a column is: 服务村名称 is the 服务村, 保管人姓名 the 保管人. */
const NEUTRAL_TAIL = /(名称|名单|姓名|情况|信息|明细)$/;

/**
 * Words that make a header a different quantity from a field that lacks them: 累计折旧金额 is
 * not an amount paid, 生产单位 not a unit of measure, 配偶姓名 not the person's name. A header
 * with one of them matches a field without it only word for word.
 */
const OTHER_QUANTITY = ['累计', '折旧', '净', '残', '生产', '供应', '销售', '维修', '配偶', '紧急'];

/**
 * A unit in brackets is dropped (服务人口（人） is 服务人口), except one in 万 (原值（万元）,
 * 服务人口（万人）): that column's numbers mean ten thousand times more, so it only matches a
 * field that names the same unit.
 */
function variants(text: string): string[] {
  const n = normalizeHeader(text);
  const noUnit = n.replace(/\([^)]*\)|\[[^\]]*\]/g, (unit) => (unit.includes('万') ? unit : ''));
  const out = new Set([n, noUnit]);
  for (const v of [n, noUnit]) if (v.startsWith('是否')) out.add(v.slice(2));
  return [...out].filter((v) => v.length > 0);
}

function canonical(v: string): string {
  let s = v;
  for (const [re, to] of SAME_WORDS) s = s.replace(re, to);
  return s;
}

/** A name or header as compared: as written (normalised) and with the interchangeable words made one. */
interface Form {
  plain: string;
  canon: string;
  /** In 万 (元 or 人): matches only a form in 万 too. */
  wan: boolean;
}

function formsOf(text: string): Form[] {
  return variants(text).map((plain) => {
    const canon = canonical(plain);
    return { plain, canon, wan: /万/.test(canon) };
  });
}

/** Length of the longest common subsequence, character by character. */
function lcs(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Whether the words before a name in a header belong to another field: in 延伸服务的村 the
 * 延伸 is the extension villages' word, so the header is less surely the 服务的村.
 */
function foreignModifier(modifier: string, own: readonly Form[], others: readonly Form[]): boolean {
  for (let len = Math.min(modifier.length, 4); len >= 2; len--) {
    for (let i = 0; i + len <= modifier.length; i++) {
      const w = modifier.slice(i, i + len);
      if (others.some((o) => o.canon.includes(w)) && !own.some((o) => o.canon.includes(w))) return true;
    }
  }
  return false;
}

/** Taken off a header-ends-with-name score when the words before the name are another field's. */
const FOREIGN_MODIFIER_PENALTY = 0.15;

/** How well a header form fits a name form, 0 to 1 (see the file's comment). */
function formScore(h: Form, n: Form, own: readonly Form[], others: readonly Form[]): number {
  if (h.plain === n.plain) return 1;
  if (h.wan !== n.wan) return 0;
  const hc = h.canon;
  const nc = n.canon;
  if (hc === nc) return 0.97;
  if (OTHER_QUANTITY.some((w) => hc.includes(w) && !nc.includes(w))) return 0;
  const tail = NEUTRAL_TAIL.exec(hc);
  const trimmed = tail && hc.length - tail[0].length >= 3 ? hc.slice(0, -tail[0].length) : hc;
  if (trimmed !== hc && trimmed === nc) return 0.93;
  let best = 0;
  // The header is the name with words before it: 资产原值, 村卫生室负责人, 执业证书有效期.
  for (const whole of new Set([hc, trimmed])) {
    if (nc.length >= 2 && whole.length > nc.length && whole.endsWith(nc)) {
      const share = nc.length / whole.length;
      const penalty = foreignModifier(whole.slice(0, -nc.length), own, others) ? FOREIGN_MODIFIER_PENALTY : 0;
      if (nc.length >= 3 || share >= 0.5) best = Math.max(best, 0.6 + 0.35 * share - penalty);
    }
  }
  // The header is the name shortened: 卫生室名 for 卫生室名称, 人口 for 户籍人口 (and 服务人口).
  if (hc.length >= 2 && nc.length > hc.length && nc.includes(hc)) {
    const share = hc.length / nc.length;
    if (share >= 0.5) best = Math.max(best, 0.55 + 0.35 * share);
  }
  // One word inserted or changed: 执业证书类别 ~ 执业类别, 原资产号 ~ 原资产编号; the last
  // character (the head noun: 别, 号, 期) the same, so 负责人电话 is not a 负责人.
  const [hb, nb] = [hc, nc].map((x) => x.replace(/[()[\]]/g, '')) as [string, string];
  const total = hb.length + nb.length;
  if (hb.at(-1) === nb.at(-1) && (2 * Math.min(hb.length, nb.length)) / total >= 0.75) {
    const ratio = (2 * lcs(hb, nb)) / total;
    if (ratio >= 0.75) best = Math.max(best, ratio - 0.15);
  }
  return best;
}

/** Each field's names as compared, and every other field's, made once per field list (a kind's fields are constants). */
const namesCache = new WeakMap<readonly FieldDef[], { own: Form[]; others: Form[] }[]>();

function fieldForms(fields: readonly FieldDef[]): { own: Form[]; others: Form[] }[] {
  let forms = namesCache.get(fields);
  if (!forms) {
    const own = fields.map((f) => [f.label, ...f.synonyms].flatMap(formsOf));
    forms = own.map((o, i) => ({ own: o, others: own.filter((_, j) => j !== i).flat() }));
    namesCache.set(fields, forms);
  }
  return forms;
}

/** A header's score against each field, in the fields' order. */
export function headerScores(text: string, fields: readonly FieldDef[]): number[] {
  const header = formsOf(text);
  return fieldForms(fields).map(({ own, others }) => {
    let best = 0;
    for (const h of header) {
      for (const n of own) {
        best = Math.max(best, formScore(h, n, own, others));
        if (best === 1) return 1;
      }
    }
    return best;
  });
}

/** How well a header fits one field, 0 to 1. */
export function headerScore(text: string, field: FieldDef): number {
  return headerScores(text, [field])[0] ?? 0;
}

/** The field a header alone would be read as (its best score at or over the threshold), if any. */
export function fieldForHeader(text: string, fields: readonly FieldDef[]): FieldDef | undefined {
  const scores = headerScores(text, fields);
  let best = -1;
  scores.forEach((s, i) => {
    if (s >= MATCH_THRESHOLD && (best < 0 || s > (scores[best] ?? 0))) best = i;
  });
  return best < 0 ? undefined : fields[best];
}
