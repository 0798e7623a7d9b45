/**
 * D8: whether a catalog drug is on one edition of the essential list, and how that was decided.
 *
 * A drug matches an entry when
 * - its generic name is the entry's name (阿莫西林 ← 阿莫西林) — and where the drug has a 剂型,
 *   that form belongs to one of the entry's 剂型 (else it is doubtful: 'form'); or
 * - its name is the entry's name followed by a dosage form of the entry's 剂型 group
 *   (阿莫西林胶囊 ← 阿莫西林 口服常释剂型: 'name_form'; 注射用头孢曲松 ← 头孢曲松 注射剂).
 * Never by similarity: 头孢克洛 is not 头孢克肟, 阿莫西林克拉维酸钾 is not 阿莫西林.
 *
 * Doubtful, for the clerk to settle by hand: the name followed by a form outside the entry's
 * 剂型 ('form'); the name with an acid radical or base added (盐酸二甲双胍片 ← 二甲双胍, 'salt' —
 * the 凡例 says a drug whose salt the list does not name is on it, but which salt the platform
 * wrote is the clerk's to confirm).
 *
 * The platform's own mark (where the export has one) combines with the list so:
 * - the list matches: essential, whatever the mark says (the edition is the authority; a mark
 *   of 否 is kept in the note);
 * - doubtful by name: doubtful, the mark in the note;
 * - no entry at all but the platform marks it essential: doubtful ('platform') — a conflict;
 * - no entry and no mark, or a mark of 否: not essential ('none').
 * With no edition in force on a date, the catalog shows the platform's mark as it is.
 */
import { compactText } from '../text';
import { formInGroups, isFormWord, normalForm } from './dosageForms';

export interface ListEntry {
  id: number;
  name: string;
  /** The entry's 剂型 cell, split (口服常释剂型, 注射剂 …). */
  forms: readonly string[];
}

export type EssentialStatus = 'essential' | 'not_essential' | 'doubtful';
export type EssentialHow = 'name' | 'name_form' | 'form' | 'salt' | 'platform' | 'none';
export type PlatformMark = '' | 'yes' | 'no';

export interface MatchResult {
  status: EssentialStatus;
  how: EssentialHow;
  entryId: number | null;
  note: string;
}

/** Acid radicals and bases a platform's name may add to the list's name. */
const SALTS = [
  '盐酸',
  '硫酸',
  '硝酸',
  '磷酸',
  '醋酸',
  '乙酸',
  '枸橼酸',
  '酒石酸',
  '马来酸',
  '富马酸',
  '琥珀酸',
  '甲磺酸',
  '苯磺酸',
  '乳酸',
  '氢溴酸',
  '门冬氨酸',
  '钠',
  '钾',
  '钙',
  '镁',
  '锌',
];
const SALT_RUN = new RegExp(`^(${SALTS.join('|')})+$`);

/** An edition's entries by their name, as compared. */
export type EntryIndex = Map<string, ListEntry[]>;

export function nameKey(name: string): string {
  return compactText(name).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

/**
 * The names an entry stands for. The national list writes a 中成药 made in several forms once,
 * its other forms in brackets: 感冒清热颗粒（胶囊、片） is 感冒清热颗粒, 感冒清热胶囊 and
 * 感冒清热片 — each name carrying its form (the entry then takes the drug's form as written).
 */
function namesOf(e: ListEntry): { key: string; entry: ListEntry }[] {
  const key = nameKey(e.name);
  const m = /^(.+?)\(([^()]+)\)$/.exec(key);
  const alts = m?.[2]?.split(/[、,，/]/).filter((x) => x !== '') ?? [];
  const base = m?.[1] ?? '';
  const tail = base ? formTail(base) : '';
  if (!m || !tail || alts.length === 0 || !alts.every(isFormWord)) return [{ key, entry: e }];
  const stem = base.slice(0, -tail.length);
  const alias = { ...e, forms: [] };
  return [{ key, entry: e }, { key: base, entry: alias }, ...alts.map((alt) => ({ key: stem + alt, entry: alias }))];
}

export function indexEntries(entries: readonly ListEntry[]): EntryIndex {
  const index: EntryIndex = new Map();
  for (const e of entries) {
    for (const { key, entry } of namesOf(e)) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}

const formsOf = (entries: readonly ListEntry[]) => entries.flatMap((e) => e.forms);
const formText = (entries: readonly ListEntry[]) => [...new Set(formsOf(entries))].join('、') || '未写剂型';

/** The entry whose 剂型 includes `form`; an entry without a 剂型 takes any dosage form. */
function entryWithForm(entries: readonly ListEntry[], form: string): ListEntry | undefined {
  return entries.find((e) => (e.forms.length === 0 ? isFormWord(form) : formInGroups(form, e.forms)));
}

/** The tail of a name that is a form (longest known form ending the name), or ''. */
function formTail(name: string): string {
  for (let i = 1; i < name.length; i++) {
    const tail = name.slice(i);
    if (isFormWord(tail)) return tail;
  }
  return '';
}

/** How the name alone relates to the edition's entries. */
function byName(name: string, form: string, index: EntryIndex): MatchResult | null {
  const key = nameKey(name);
  const exact = index.get(key);
  if (exact) {
    if (form === '' || normalForm(form) === '') return { status: 'essential', how: 'name', entryId: exact[0]?.id ?? null, note: '' };
    const e = entryWithForm(exact, form);
    if (e) return { status: 'essential', how: 'name', entryId: e.id, note: '' };
    return { status: 'doubtful', how: 'form', entryId: null, note: `目录有“${name}”，但剂型为${formText(exact)}，本药为“${form}”` };
  }
  // 注射用 + name: a powder for injection, a form of the 注射剂 group.
  const injection = key.startsWith('注射用');
  const body = injection ? key.slice(3) : key;
  const powder = '注射用无菌粉末';
  const asPowder = injection ? index.get(body) : undefined;
  if (asPowder) {
    const e = entryWithForm(asPowder, powder);
    if (e) return { status: 'essential', how: 'name_form', entryId: e.id, note: '' };
    return { status: 'doubtful', how: 'form', entryId: null, note: `目录有“${body}”（${formText(asPowder)}），本药为注射用粉末` };
  }
  // The entry's name followed by a form (or a salt, then a form): the longest entry name first.
  for (let end = body.length - 1; end >= 1; end--) {
    const head = body.slice(0, end);
    const entries = index.get(head);
    if (!entries) continue;
    const tail = body.slice(end);
    if (!injection) {
      const e = entryWithForm(entries, tail);
      if (e) return { status: 'essential', how: 'name_form', entryId: e.id, note: '' };
      if (isFormWord(tail))
        return { status: 'doubtful', how: 'form', entryId: null, note: `目录有“${head}”（${formText(entries)}），本药剂型为“${tail}”` };
    }
    const form = formTail(tail);
    const saltPart = form ? tail.slice(0, -form.length) : tail;
    if (SALT_RUN.test(saltPart))
      return {
        status: 'doubtful',
        how: 'salt',
        entryId: null,
        note: `目录有“${head}”（${formText(entries)}），本药名称多了“${saltPart}”，请核对`,
      };
  }
  // A salt before the name (盐酸二甲双胍片 ← 二甲双胍).
  const salt = SALTS.find((s) => body.startsWith(s));
  if (salt) {
    const rest = body.slice(salt.length);
    const tail = formTail(rest);
    const core = tail ? rest.slice(0, -tail.length) : rest;
    const entries = index.get(core);
    if (entries)
      return {
        status: 'doubtful',
        how: 'salt',
        entryId: null,
        note: `目录有“${core}”（${formText(entries)}），本药名称多了“${salt}”，请核对`,
      };
  }
  return null;
}

export function matchDrug(drug: { genericName: string; form: string; platformMark: PlatformMark }, index: EntryIndex): MatchResult {
  const found = byName(drug.genericName, drug.form, index);
  const markNote = drug.platformMark === 'yes' ? '平台标记为基药' : drug.platformMark === 'no' ? '平台标记为非基药' : '';
  if (found?.status === 'essential') return drug.platformMark === 'no' ? { ...found, note: `${markNote}，以目录为准` } : found;
  if (found) return markNote ? { ...found, note: `${found.note}；${markNote}` } : found;
  if (drug.platformMark === 'yes')
    return { status: 'doubtful', how: 'platform', entryId: null, note: '平台标记为基药，但本版目录中没有此品种' };
  return { status: 'not_essential', how: 'none', entryId: null, note: '' };
}
