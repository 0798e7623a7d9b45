/**
 * Byte scans of a sheet's XML and of the shared-string table, run on the unpacked stream
 * before any XML parser sees it. They look only at tags (the bytes between “<” and “>”), skip
 * text with indexOf, and keep counters, the merged ranges and a byte per formula with a
 * boolean, error or 0 result, so a scan costs well under a second per million cells and no
 * memory to speak of. Each limit is checked as the bytes pass, so an endless cell or string is
 * stopped at its limit, not at its end. The scan runs on every import, so it works on bytes:
 * no string is made for a tag name or an attribute a sheet repeats a million times.
 *
 * The scans do not validate XML: a comment or CDATA that contains tag-like text can only make
 * a count larger, which errs on the side of refusing.
 */
import { AppError } from '../../db/errors';
import { FormulaResults } from './formulaResults';
import { MAX_CELL_XML_BYTES, MAX_MERGES, MAX_SHARED_STRINGS, MAX_TAG_BYTES } from './limits';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

/** The tags the scans act on; every other tag is ''. */
type Name = 'row' | 'c' | 'v' | 'f' | 'is' | 'si' | 'mergeCell' | '';

/**
 * A tag: its name, whether it is a closing tag, and its bytes as data[from, to), where data
 * starts at absolute offset base. One object is reused for every tag: a sheet has millions.
 */
interface Tag {
  name: Name;
  closing: boolean;
  data: Buffer;
  base: number;
  from: number;
  to: number;
}

const is = (data: Buffer, at: number, ascii: string): boolean => {
  for (let i = 0; i < ascii.length; i++) if (data[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

/** The name of the tag whose name is data[p, k), compared byte by byte. */
function nameOf(data: Buffer, p: number, k: number): Name {
  switch (k - p) {
    case 1:
      return data[p] === 0x63 ? 'c' : data[p] === 0x76 ? 'v' : data[p] === 0x66 ? 'f' : '';
    case 2:
      return is(data, p, 'is') ? 'is' : is(data, p, 'si') ? 'si' : '';
    case 3:
      return is(data, p, 'row') ? 'row' : '';
    case 9:
      return is(data, p, 'mergeCell') ? 'mergeCell' : '';
    default:
      return '';
  }
}

function isNameByte(b: number): boolean {
  // Letters, digits, “:”, “_”, “-”, “.”: enough for the tags of SpreadsheetML.
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x3a) || b === 0x5f || b === 0x2d || b === 0x2e;
}

/**
 * Calls `onTag` for every tag in the stream. `keepFrom()` may name an absolute offset whose
 * bytes must still be in `data` at the next tag (a short text being captured); like an
 * unfinished tag, they are carried into the next chunk, within MAX_TAG_BYTES.
 */
async function eachTag(
  chunks: AsyncIterable<Buffer>,
  onTag: (t: Tag) => void,
  afterChunk: (offset: number) => void,
  tooLong: () => AppError,
  keepFrom: () => number = () => -1,
): Promise<void> {
  let carry: Buffer | undefined;
  let base = 0;
  let resume = 0;
  const t: Tag = { name: '', closing: false, data: Buffer.alloc(0), base: 0, from: 0, to: 0 };
  for await (const chunk of chunks) {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let pending = -1;
    let i = data.indexOf(LT, resume - base);
    while (i >= 0) {
      const j = data.indexOf(GT, i + 1);
      if (j < 0) {
        pending = base + i;
        break;
      }
      const closing = data[i + 1] === SLASH;
      const p = closing ? i + 2 : i + 1;
      let k = p;
      while (k < j && isNameByte(data[k] ?? 0)) k++;
      t.name = nameOf(data, p, k);
      if (t.name) {
        t.closing = closing;
        t.data = data;
        t.base = base;
        t.from = i;
        t.to = j + 1;
        onTag(t);
      }
      i = data.indexOf(LT, j + 1);
    }
    const end = base + data.length;
    resume = pending >= 0 ? pending : end;
    const keep = keepFrom();
    const cut = keep >= 0 ? Math.min(resume, keep) : resume;
    carry = cut < end ? data.subarray(cut - base) : undefined;
    if (carry && carry.length > MAX_TAG_BYTES) throw tooLong();
    afterChunk(end);
    base = cut;
  }
}

const selfClosing = (t: Tag): boolean => t.data[t.to - 2] === SLASH;

/** Where a one-letter attribute's value lies in the tag, as [from, to), or undefined. */
function attribute(t: Tag, letter: number): [number, number] | undefined {
  const { data } = t;
  for (let i = t.from + 1; i < t.to - 3; i++) {
    // A space (or tab, newline) before the name, “=” and a quote after it.
    if (data[i] !== letter || (data[i - 1] ?? 0) > 0x20 || data[i + 1] !== EQ) continue;
    const q = data[i + 2];
    if (q !== QUOTE && q !== APOS) continue;
    const close = data.indexOf(q, i + 3);
    return close >= 0 && close < t.to ? [i + 3, close] : undefined;
  }
  return undefined;
}

const R = 0x72;
const T = 0x74;

/** The letters of a cell reference (“AB12” → 28), or undefined. */
function columnAt(data: Buffer, [from, to]: [number, number]): number | undefined {
  let n = 0;
  let at = data[from] === 0x24 ? from + 1 : from; // “$”
  for (; at < to; at++) {
    const b = data[at] ?? 0;
    if (b < 0x41 || b > 0x5a) break;
    n = n * 26 + (b - 0x40);
  }
  return n > 0 ? n : undefined;
}

/** “AB12” → 28; a reference without letters → undefined. */
export function columnOf(ref: string | undefined): number | undefined {
  return ref ? columnAt(Buffer.from(ref, 'latin1'), [0, ref.length]) : undefined;
}

export interface SheetScan {
  /** Rows with at least one value, formula or inline string (rows of formatting alone do not count). */
  dataRows: number;
  /** Cells the grid will hold: each such row as wide as its last filled cell. */
  gridCells: number;
  merges: string[];
  /** Formulas whose cached result is a boolean, an error or 0 (formulaResults.ts). */
  results: FormulaResults;
}

export interface ScanErrors {
  tooLong: () => AppError;
  cell: (row: number) => AppError;
  merges: () => AppError;
}

/** Counts a sheet's rows and cells, collects its merged ranges and notes formulas' boolean, error and 0 results. */
export async function scanSheet(chunks: AsyncIterable<Buffer>, errors: ScanErrors): Promise<SheetScan> {
  const scan: SheetScan = { dataRows: 0, gridCells: 0, merges: [], results: new FormulaResults() };
  let inRow = false;
  let rowNumber = 0;
  let rowHasData = false;
  let rowWidth = 0;
  let column = 0;
  // The cell being read: where it starts, its t attribute, what it holds.
  let cellStart = -1;
  let cellType: string | undefined;
  let cellHasData = false;
  let cellFormula = false;
  let valueStart = -1;
  let value: string | undefined;
  const endCell = (end: number) => {
    if (end - cellStart > MAX_CELL_XML_BYTES) throw errors.cell(rowNumber);
    if (cellHasData) {
      rowHasData = true;
      rowWidth = Math.max(rowWidth, column);
    }
    if (cellFormula && value !== undefined) scan.results.add(rowNumber, column, cellType, value);
    cellStart = -1;
  };
  const onTag = (t: Tag) => {
    const end = t.base + t.to;
    if (t.closing) {
      if (t.name === 'row') {
        if (inRow && rowHasData) {
          scan.dataRows++;
          scan.gridCells += rowWidth;
        }
        inRow = false;
      } else if (t.name === 'c' && cellStart >= 0) endCell(end);
      else if (t.name === 'v' && valueStart >= 0) {
        value = t.data.toString('utf8', valueStart - t.base, t.from);
        valueStart = -1;
      }
      return;
    }
    switch (t.name) {
      case 'row': {
        if (selfClosing(t)) break;
        const r = attribute(t, R);
        inRow = true;
        rowNumber = (r && Number(t.data.toString('latin1', r[0], r[1]))) || rowNumber + 1;
        rowHasData = false;
        rowWidth = 0;
        column = 0;
        break;
      }
      case 'c': {
        if (!inRow) break;
        const r = attribute(t, R);
        // A cell without a reference follows the one before it (ECMA-376 18.3.1.4).
        column = (r && columnAt(t.data, r)) || column + 1;
        const type = attribute(t, T);
        // The usual t="s" makes no string.
        cellType = !type
          ? undefined
          : type[1] - type[0] === 1 && t.data[type[0]] === 0x73
            ? 's'
            : t.data.toString('latin1', type[0], type[1]);
        cellStart = t.base + t.from;
        cellHasData = cellFormula = false;
        value = undefined;
        if (selfClosing(t)) endCell(end);
        break;
      }
      case 'f':
        if (cellStart >= 0) cellHasData = cellFormula = true;
        break;
      case 'v':
        if (cellStart < 0) break;
        cellHasData = true;
        // Only a formula's cached result is looked at (a few bytes; formulaResults.ts keeps what it needs).
        if (cellFormula && cellType !== 'str' && !selfClosing(t)) valueStart = end;
        break;
      case 'is':
        if (cellStart >= 0) cellHasData = true;
        break;
      case 'mergeCell': {
        if (scan.merges.length >= MAX_MERGES) throw errors.merges();
        // Merges are few (MAX_MERGES), so a string and a regular expression will do.
        const m = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(t.data.toString('latin1', t.from, t.to));
        if (m) scan.merges.push(m[1] ?? m[2] ?? '');
        break;
      }
    }
  };
  const afterChunk = (offset: number) => {
    if (cellStart >= 0 && offset - cellStart > MAX_CELL_XML_BYTES) throw errors.cell(rowNumber);
  };
  await eachTag(chunks, onTag, afterChunk, errors.tooLong, () => valueStart);
  scan.results.finish();
  return scan;
}

/** Counts the shared strings, stopping at the first that is too long. */
export async function scanSharedStrings(
  chunks: AsyncIterable<Buffer>,
  errors: { tooLong: () => AppError; string: () => AppError; tooMany: () => AppError },
): Promise<number> {
  let strings = 0;
  let start = -1;
  const onTag = (t: Tag) => {
    if (t.name !== 'si') return;
    if (!t.closing) {
      if (++strings > MAX_SHARED_STRINGS) throw errors.tooMany();
      start = selfClosing(t) ? -1 : t.base + t.from;
    } else if (start >= 0) {
      if (t.base + t.to - start > MAX_CELL_XML_BYTES) throw errors.string();
      start = -1;
    }
  };
  const afterChunk = (offset: number) => {
    if (start >= 0 && offset - start > MAX_CELL_XML_BYTES) throw errors.string();
  };
  await eachTag(chunks, onTag, afterChunk, errors.tooLong);
  return strings;
}
