/**
 * D8: the 剂型 of an essential-list entry is often a group, not one form. The national list's
 * 凡例 (国家基本药物目录（2018年版）, and the same wording in the 国家医保药品目录 凡例) defines the
 * groups by their member forms: 口服常释剂型 = 普通片剂（片剂、薄膜衣片、糖衣片、浸膏片、分散片、
 * 划痕片）、硬胶囊、软胶囊（胶丸）、肠溶片、肠溶胶囊; 缓释控释剂型 = 缓释片、缓释胶囊、控释片、
 * 控释胶囊; and so on below. The members here are those of the 凡例 as we have them (to check
 * against the official text when the 2026 edition's 凡例 is published); they are data about
 * forms, not about the list's entries — nothing of which drugs are on a list is in code.
 *
 * A 剂型 that is no group (丸剂 of a 中成药 is one; 滴眼剂 is a plain form) stands for itself.
 * Forms are compared in a normal form: half-width, no spaces or brackets' contents, without a
 * trailing 剂 (片剂 = 片, 颗粒剂 = 颗粒, 注射剂 is kept as the group's name).
 */
import { compactText } from '../text';

export const dosageFormGroups: Readonly<Record<string, readonly string[]>> = {
  口服常释剂型: [
    '片',
    '素片',
    '普通片',
    '薄膜衣片',
    '糖衣片',
    '浸膏片',
    '分散片',
    '划痕片',
    '肠溶片',
    '肠溶衣片',
    '胶囊',
    '硬胶囊',
    '软胶囊',
    '胶丸',
    '肠溶胶囊',
  ],
  缓释控释剂型: ['缓释片', '缓释胶囊', '控释片', '控释胶囊', '缓释颗粒'],
  口服液体剂: ['口服溶液', '口服液', '口服混悬液', '混悬液', '口服乳', '糖浆', '合'],
  注射剂: ['注射液', '注射用无菌粉末', '注射用浓溶液', '粉针', '冻干粉针', '注射用冻干粉', '注射用', '注射'],
  颗粒剂: ['颗粒', '混悬颗粒', '泡腾颗粒', '干混悬', '肠溶颗粒'],
  丸剂: ['丸', '水丸', '蜜丸', '大蜜丸', '小蜜丸', '水蜜丸', '浓缩丸', '糊丸', '蜡丸', '微丸'],
  吸入剂: ['气雾', '吸入气雾', '吸入粉雾', '吸入溶液', '粉雾'],
  散剂: ['散'],
  软膏剂: ['软膏'],
  乳膏剂: ['乳膏'],
  眼用制剂: ['滴眼液', '滴眼', '眼膏', '眼用凝胶'],
};

/** Forms seen, normalised: an import asks the same few hundred again and again. */
const normalised = new Map<string, string>();

/** A form's normal form: half-width, no spaces, brackets and their contents dropped, no trailing 剂. */
export function normalForm(written: string): string {
  const hit = normalised.get(written);
  if (hit !== undefined) return hit;
  const n = computeNormalForm(written);
  if (normalised.size < 50_000) normalised.set(written, n);
  return n;
}

function computeNormalForm(written: string): string {
  const s = compactText(written)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[（）()]/g, '');
  return s.length > 1 && s.endsWith('剂') && !(s in dosageFormGroups) ? s.slice(0, -1) : s;
}

const memberSets = new Map<string, Set<string>>(
  Object.entries(dosageFormGroups).map(([group, members]) => [group, new Set([group, ...members].map(normalForm))]),
);

const members = new Map<string, Set<string>>();

/** Every form word a group or plain form names, normalised. */
function membersOf(written: string): Set<string> {
  let m = members.get(written);
  if (!m) {
    const f = normalForm(written);
    m = memberSets.get(f) ?? memberSets.get(`${f}剂`) ?? new Set([f]);
    if (members.size < 10_000) members.set(written, m);
  }
  return m;
}

/** An entry's 剂型 cell split into its forms or groups (口服常释剂型、注射剂). */
export function splitForms(cell: string): string[] {
  return cell
    .split(/[、，,;；/\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Whether `form` (a drug's form, or a name's tail) belongs to one of the entry's 剂型. */
export function formInGroups(form: string, groups: readonly string[]): boolean {
  const f = normalForm(form);
  if (f === '') return false;
  return groups.some((g) => membersOf(g).has(f));
}

/** Every form word any group knows: for telling a name's tail as a form. */
const knownForms: ReadonlySet<string> = new Set([...memberSets.values()].flatMap((s) => [...s]));
const PLAIN_FORM = /^(片|胶囊|颗粒|丸|注射液|滴眼液|滴鼻液|软膏|乳膏|凝胶|栓|贴|喷雾|搽|洗|酊)$/;

/** Whether a name's tail is a dosage form at all (a form of some group, or a plain form word). */
export function isFormWord(tail: string): boolean {
  const f = normalForm(tail);
  return f !== '' && (knownForms.has(f) || PLAIN_FORM.test(f));
}
