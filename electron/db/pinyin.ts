/**
 * Pinyin keys for names (issue 12 item 9): clerks search 张庄村 by typing zzc, zq or zhangzhuang,
 * and expect lists sorted the way a Chinese dictionary sorts, not by code point. Both keys are
 * computed when a name is written (SQL functions registered on every connection, called by the
 * triggers of migration 11) and stored in indexed columns, so search and paging stay in SQLite.
 */
import { pinyin } from 'pinyin-pro';
import type { Db } from './open';

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
let last: { name: string; readings: string[][] } | null = null;
function readings(name: string): string[][] {
  // The triggers ask for both keys of one name in turn: read it once.
  if (last?.name === name) return last.readings;
  const perChar = readName(name);
  last = { name, readings: perChar };
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
}
