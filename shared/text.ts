/**
 * Text as clerks type it, made comparable: the one full-width → half-width conversion (Chinese
 * input methods type ＡＢＣ１２３（）：and ￥ as easily as ABC123():¥) and a normal form for
 * comparing short texts such as enum cells. No Node, no DOM: used by the core and the renderer.
 */

/** Full-width ASCII forms U+FF01–FF5E differ from their ASCII twins by this much. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Any character toHalfWidth changes. */
const WIDE = /[\u3000\uff01-\uff5e\uffe5]/;

/**
 * Full-width letters, digits, signs and brackets (ＡＢＣ１２３，．－（）) to ASCII, the ideographic
 * space to a plain space and ￥ to ¥. Chinese punctuation without an ASCII twin (、。【】) is left.
 */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .replace(/\uffe5/g, '¥');
}

/** A name as typed, made comparable: half-width, without spaces (张 庄 村 = 张庄村, ＨＹ０１ = HY01). */
export function compactText(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '');
}

/** The brackets clerks use, by side, as the ASCII ones (after toHalfWidth). */
const OPENING = /[【〔［〈《「『]/g;
const CLOSING = /[】〕］〉》」』]/g;

/**
 * A short text's comparable form: half-width, every kind of bracket as ( ), no spaces or line
 * breaks, lower case. `乡聘村用（编外）`, `乡聘村用 (编外)` and `乡聘村用【编外】` all become
 * `乡聘村用(编外)`.
 */
export function normalizeText(s: string): string {
  return toHalfWidth(s)
    .replace(/[[]/g, '(')
    .replace(/[\]]/g, ')')
    .replace(OPENING, '(')
    .replace(CLOSING, ')')
    .replace(/[\s\u00a0]/g, '')
    .toLowerCase();
}

/**
 * Line breaks of every kind (CR LF, lone CR, NEL, U+2028/2029) as the one line feed, so a note
 * typed on Windows, pasted from Word or kept in an Excel cell (Alt+Enter) reads the same.
 */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
/** C0 and C1 control characters except the line feed (tab and CR are turned into text first). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
/**
 * Unicode format characters (category Cf): the zero-width space, joiners and word joiner
 * (U+200B–U+200D, U+2060), the byte-order mark U+FEFF, direction marks and embeddings, the soft
 * hyphen. Invisible on screen and on paper, they only make two equal-looking names different.
 */
const FORMAT = /\p{Cf}/gu;
/** Space characters other than the ASCII space (no-break, ideographic, the typographic ones). */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Text cleanText would return unchanged: printable ASCII, CJK unified ideographs, the common
 * Chinese punctuation (、。〈〉《》「」『』【】) and the full-width forms, with ASCII spaces only
 * inside. None of these is a line break, control, format or other space character, and none
 * changes under NFC (no decomposition, no combining class), so the check is exact, not a guess.
 */
const ALREADY_CLEAN =
  /^(?:[\x21-\x7e\u3001-\u3011\u4e00-\u9fff\uff01-\uff5e](?:[\x20-\x7e\u3001-\u3011\u4e00-\u9fff\uff01-\uff5e]*[\x21-\x7e\u3001-\u3011\u4e00-\u9fff\uff01-\uff5e])?)?$/;

export interface CleanOptions {
  /** A field shown in a multi-line box (notes, reasons) keeps its line breaks. */
  multiline?: boolean;
}

/**
 * Text as it is stored and compared: line breaks unified (kept only in a multi-line field,
 * elsewhere a space, as is a tab), control and format characters removed, every kind of space
 * the ASCII one, NFC (a letter with its accent as one character however it was typed), trimmed.
 * Lone surrogates are left for `hasLoneSurrogate` to refuse: dropping them would hide that a
 * character was lost. Idempotent: cleaning clean text changes nothing.
 */
export function cleanText(s: string, opts: CleanOptions = {}): string {
  // Most cells are already clean (a name, an ID number, a date): nothing below would change them.
  if (ALREADY_CLEAN.test(s)) return s;
  let t = s.replace(LINE_BREAKS, '\n').replace(/\t/g, ' ');
  if (!opts.multiline) t = t.replace(/\n/g, ' ');
  return t.replace(CONTROLS, '').replace(FORMAT, '').replace(SPACES, ' ').normalize('NFC').trim();
}

/** Half of a UTF-16 surrogate pair without its other half: a character broken in copying. */
const ANY_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(s: string): boolean {
  // Almost every text has no surrogate at all; the look-around pattern is only needed when one does.
  return ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s);
}

/** The refusal of a text with a lone surrogate, naming the field. */
export function loneSurrogateMessage(label: string): string {
  return `“${label}”含有无法识别的字符（不成对的代理项），请重新输入`;
}
