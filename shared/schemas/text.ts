/**
 * The one zod helper for text crossing a boundary (forms, the API, import rows): cleaned by
 * `cleanText` (NFC, no zero-width, format or control characters, trimmed) before the length and
 * every later check, and refused, naming the field, when it holds a lone surrogate. So a name
 * with U+200B is the same name as without, for the duplicate checks and the UNIQUE columns too.
 */
import { z } from 'zod';
import { cleanText, hasLoneSurrogate, loneSurrogateMessage, type CleanOptions } from '../text';

/** Cleaned text of any length; callers add `.max` (every string crossing a boundary has a cap). */
export function cleanString(label: string, opts: CleanOptions = {}) {
  return (
    z
      .string({ error: `${label}必须是文字` })
      // Checked before cleaning, and aborting: the clean text is meaningless when a character is lost.
      .refine((s) => !hasLoneSurrogate(s), { message: loneSurrogateMessage(label), abort: true })
      // overwrite, not transform: the schema stays a ZodString, so .max/.min/.regex still chain.
      .overwrite((s) => cleanText(s, opts))
  );
}

/** Free text with a length cap, on one line (names, codes, addresses, numbers). */
export function text(label: string, max: number, opts: CleanOptions = {}) {
  return cleanString(label, opts).max(max, `${label}不能超过 ${max} 个字`);
}

export function requiredText(label: string, max: number, opts: CleanOptions = {}) {
  return text(label, max, opts).min(1, `请填写${label}`);
}

/** A note or reason, edited in a multi-line box: its line breaks are part of the text. */
export function noteText(label: string, max: number) {
  return text(label, max, { multiline: true });
}
