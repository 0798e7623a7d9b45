/**
 * Pinyin keys for names (issue 12 item 9): clerks search 张庄村 by typing zzc, zq or zhangzhuang,
 * and expect lists sorted the way a Chinese dictionary sorts, not by code point. Both keys are
 * computed when a name is written (SQL functions registered on every connection, called by the
 * triggers of migrations 11 and 14) and stored in indexed columns and a token index per table, so
 * search and paging stay in SQLite.
 */
import { pinyin } from 'pinyin-pro';
import type { Db } from './open';
import { tokensHeldBack } from './tokenIndex';

/** Beyond this many reading combinations only the likeliest are kept (a name is short). */
const MAX_VARIANTS = 16;

const HAN = /\p{Script=Han}/u;

/** ü is typed v on every pinyin keyboard. */
const typed = (syllable: string) => syllable.toLowerCase().replace(/ü/g, 'v');

/** A character's readings, looked up once: an import of 10,000 names repeats the same few hundred. */
const charReadings = new Map<string, string[]>();
function readingsOf(c: string): string[] {
  let all = charReadings.get(c);
  if (!all) {
    all = pinyin(c, { multiple: true, toneType: 'none', type: 'array' });
    charReadings.set(c, all);
  }
  return all;
}

/**
 * Each character's readings, the reading in context first (重庆 → chong, 长寿 → chang), then the
 * character's other readings; a non-Han character is itself, lower-cased.
 */
const byName = new Map<string, string[][]>();
function readings(name: string): string[][] {
  // A name is read once: the triggers ask for both keys and the tokens in turn, and an import
  // that writes the tokens after its rows (tokenIndex.ts) asks again. Bounded, as names are many.
  let perChar = byName.get(name);
  if (!perChar) {
    if (byName.size >= 50_000) byName.clear();
    perChar = readName(name);
    byName.set(name, perChar);
  }
  return perChar;
}

function readName(name: string): string[][] {
  const chars = [...name];
  const inContext = pinyin(name, { toneType: 'none', type: 'array' });
  // pinyin-pro returns one item per character for mixed text; if it ever groups differently,
  // fall back to reading each character alone rather than misalign.
  const aligned = inContext.length === chars.length;
  return chars.map((c, i) => {
    if (!HAN.test(c)) return [c.toLowerCase()];
    const all = readingsOf(c);
    const first = aligned ? inContext[i] : all[0];
    return [...new Set([first ?? c, ...all].map(typed))];
  });
}

/** Reading combinations, the contextual one first, at most MAX_VARIANTS. */
function combinations(perChar: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const options of perChar) {
    const next: string[][] = [];
    for (const prefix of out) {
      for (const o of options) {
        if (next.length >= MAX_VARIANTS) break;
        next.push([...prefix, o]);
      }
    }
    out = next;
  }
  return out;
}

/** Letters and digits only: spaces, brackets and punctuation are not typed in a search. */
const squash = (s: string) => s.replace(/[^a-z0-9]/g, '');

/**
 * The search key of a name: for every reading combination its full pinyin and its initials,
 * separated by spaces so a typed text never matches across two of them. 长寿村 →
 * "changshoucun csc zhangshoucun zsc"; 重庆 holds both chongqing and zhongqing.
 */
export function pinyinSearchKey(name: string | null | undefined): string {
  if (!name) return '';
  const parts = new Set<string>();
  for (const combo of combinations(readings(name))) {
    const full = squash(combo.join(''));
    const initials = squash(combo.map((s) => s.charAt(0)).join(''));
    if (full) parts.add(full);
    if (initials) parts.add(initials);
  }
  return [...parts].join(' ');
}

/**
 * The search tokens of a name (migration 13): for every reading combination, the full pinyin and
 * the initials from each syllable on, so a clerk may start typing at any syllable and the list
 * finds the name by a prefix lookup in an index instead of a scan. 张庄村 → "zhangzhuangcun
 * zhuangcun cun zzc zc c": zhuang, zz, zhangzhuang and zzc all start one of them. A non-Han
 * character is a syllable of its own, so letters and digits in a name (B超室, 3号楼) are found
 * from any of them on, as the plain substring search of the name found them.
 */
export function pinyinTokens(name: string | null | undefined): string {
  if (!name) return '';
  const parts = new Set<string>();
  for (const combo of combinations(readings(name))) {
    for (let i = 0; i < combo.length; i++) {
      const from = combo.slice(i);
      const full = squash(from.join(''));
      const initials = squash(from.map((s) => s.charAt(0)).join(''));
      if (full) parts.add(full);
      if (initials) parts.add(initials);
    }
  }
  return [...parts].join(' ');
}

/**
 * The index tokens of a text searched by its letters (a code, a note, an ID number; migration
 * 14): for every run of ASCII letters and digits, lower-cased, each tail that starts with a
 * letter. "HY-07 B超" → "hy y b". A typed text of letters and digits (pinyinQuery: it starts with a
 * letter) is inside a run exactly when it starts one of these tails — so a prefix lookup finds the
 * same rows as the case-insensitive substring search (LIKE) of the text, without the scan.
 */
export function latinTokens(text: string | null | undefined): string {
  if (!text) return '';
  const parts = new Set<string>();
  for (const run of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) if (/[a-z]/.test(run.charAt(i))) parts.add(run.slice(i));
  }
  return [...parts].join(' ');
}

/**
 * The FTS5 query for a typed text (pinyinQuery's result, letters and digits only): every token of
 * the given index columns that starts with it. Quoted, so no letter sequence is read as an FTS5
 * operator (AND, OR, NOT).
 */
export function pinyinMatch(typed: string, columns: readonly string[]): string {
  return `{${columns.join(' ')}} : "${typed}"*`;
}

/**
 * The sort key: the contextual reading, syllables separated by a space (so li sorts before liang
 * as a dictionary does), then the name itself to keep characters of one reading together.
 */
export function pinyinSortKey(name: string | null | undefined): string {
  if (!name) return '';
  const perChar = readings(name);
  return `${perChar.map((r) => r[0]).join(' ')}\u0001${name}`;
}

/**
 * What the clerk typed, as it would appear in a search key — or null when it is not something
 * pinyin could match (Chinese characters, digits only): then only the ordinary search runs.
 */
export function pinyinQuery(search: string): string | null {
  const q = search
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[\s'’]/g, '');
  return /^[a-z][a-z0-9]*$/.test(q) ? q : null;
}

/** The SQL functions the pinyin triggers call; every connection of the app registers them. */
export function registerPinyinFunctions(db: Db): void {
  db.function('pinyin_search_key', { deterministic: true }, (name: unknown) => pinyinSearchKey(typeof name === 'string' ? name : ''));
  db.function('pinyin_sort_key', { deterministic: true }, (name: unknown) => pinyinSortKey(typeof name === 'string' ? name : ''));
  db.function('pinyin_tokens', { deterministic: true }, (name: unknown) => pinyinTokens(typeof name === 'string' ? name : ''));
  db.function('latin_tokens', { deterministic: true }, (text: unknown) => latinTokens(typeof text === 'string' ? text : ''));
  // Not deterministic: whether a bulk writer of this connection writes the tokens itself (tokenIndex.ts).
  db.function('pinyin_tokens_now', () => (tokensHeldBack(db) ? 0 : 1));
}
