/**
 * Where the header cells of a county return go. Chinese returns group columns under a shared
 * heading ("基本情况" over code, name, status); a column outside any group takes both header
 * rows as one vertically merged cell. Pure, so the layout is tested without writing a file.
 */

export interface HeaderColumn {
  header: string;
  group?: string;
}

interface HeaderCell {
  /** 0-based offset from the first header row. */
  row: number;
  /** 1-based column number. */
  col: number;
  text: string;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface HeaderLayout {
  rowCount: 1 | 2;
  cells: HeaderCell[];
  /** Ranges with header-row offsets (0-based), to be shifted by the first header row. */
  merges: MergeRange[];
}

export function layoutHeader(columns: readonly HeaderColumn[]): HeaderLayout {
  const grouped = columns.some((c) => c.group);
  if (!grouped) {
    return { rowCount: 1, cells: columns.map((c, i) => ({ row: 0, col: i + 1, text: c.header })), merges: [] };
  }
  const cells: HeaderCell[] = [];
  const merges: MergeRange[] = [];
  let i = 0;
  while (i < columns.length) {
    const col = columns[i] as HeaderColumn;
    if (!col.group) {
      cells.push({ row: 0, col: i + 1, text: col.header }, { row: 1, col: i + 1, text: col.header });
      merges.push({ top: 0, left: i + 1, bottom: 1, right: i + 1 });
      i++;
      continue;
    }
    // A run of neighbouring columns with the same group shares one heading.
    let end = i;
    while (end + 1 < columns.length && columns[end + 1]?.group === col.group) end++;
    for (let c = i; c <= end; c++) {
      cells.push({ row: 0, col: c + 1, text: col.group }, { row: 1, col: c + 1, text: columns[c]?.header ?? '' });
    }
    if (end > i) merges.push({ top: 0, left: i + 1, bottom: 0, right: end + 1 });
    i = end + 1;
  }
  return { rowCount: 2, cells, merges };
}

/** `A`, `B` … `Z`, `AA` … for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Display width in Excel character units: a Chinese character is about two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return w;
}

/**
 * Lines a text takes when wrapped in cells this wide. A 宋体 character is a little under two
 * width units, so a text one unit wider than its cells still fits on one line.
 */
export function wrappedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / (Math.max(1, width) + 1)));
}

/** Row height in points for this many lines of 11-point 宋体, never below `min`. */
export function heightFor(lines: number, min: number): number {
  return Math.max(min, lines * 14 + 8);
}

/**
 * Heights of the header rows, so a heading wrapped onto two or three lines is shown whole (a
 * fixed height cut "养老保险" to "养老保" in narrow columns). Each cell is measured against the
 * width it spans; a heading spanning both rows may use both.
 */
export function headerHeights(columns: readonly (HeaderColumn & { width: number })[], layout: HeaderLayout): number[] {
  const base = layout.rowCount === 1 ? 30 : 22;
  const heights: number[] = Array.from({ length: layout.rowCount }, () => base);
  const widthOf = (left: number, right: number) => columns.slice(left - 1, right).reduce((s, c) => s + c.width, 0);
  for (const cell of layout.cells) {
    const merge = layout.merges.find((m) => m.top <= cell.row && m.bottom >= cell.row && m.left <= cell.col && m.right >= cell.col);
    if (merge && merge.top !== cell.row) continue;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const needed = heightFor(wrappedLines(cell.text, widthOf(merge?.left ?? cell.col, merge?.right ?? cell.col)), base);
    const have = heights.slice(cell.row, cell.row + rows).reduce((a, b) => a + b, 0);
    const last = cell.row + rows - 1;
    if (needed > have) heights[last] = (heights[last] ?? base) + needed - have;
  }
  return heights;
}
