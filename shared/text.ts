/**
 * Text as clerks type it, made comparable: the one full-width → half-width conversion (Chinese
 * input methods type ＡＢＣ１２３（）：and ￥ as easily as ABC123():¥) and a normal form for
 * comparing short texts such as enum cells. No Node, no DOM: used by the core and the renderer.
 */

/** Full-width ASCII forms U+FF01–FF5E differ from their ASCII twins by this much. */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width letters, digits, signs and brackets (ＡＢＣ１２３，．－（）) to ASCII, the ideographic
 * space to a plain space and ￥ to ¥. Chinese punctuation without an ASCII twin (、。【】) is left.
 */
export function toHalfWidth(s: string): string {
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
