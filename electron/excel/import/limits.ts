/**
 * How much of a workbook the import is willing to read. A .xlsx is a zip of XML parts, and a
 * small file can unpack to gigabytes (one 307 KB workbook holding one huge shared string took
 * 1.4 GB; a sheet of 1,048,576 rows took 1.5 GB), so every limit below is checked from the
 * zip's directory or by a byte scan of the part (zipGuard.ts, xmlScan.ts) before any XML is
 * parsed, and the sheet itself is then read as a stream (streamRead.ts). Measured: every bomb of
 * test/fixtures/importBombs.ts is refused with the process under 170 MB; the largest file these
 * limits let through (50,000 rows × 60 columns, a million distinct texts, 18 MB) keeps about
 * 100 MB live — it reads in 260 MB of RSS with V8's heap capped at 200 MB, about 450 MB
 * uncapped as V8 collects lazily (the whole-workbook read took 1.7 GB). Each value says why it
 * is what it is: far above any workbook a township clerk keeps, far below what would hurt.
 */

/** The file as stored. A 50,000-row roster is about 5 MB; 20 MB leaves room for pictures. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Rows holding data in the sheet read. A township has a few thousand people and assets; a county a few tens of thousands. */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * Cells kept in memory: each row counts as wide as its last filled column. 50,000 rows × 60
 * columns, some 20–30 bytes a cell once read. It also stops a stray value in column XFD from
 * making every row 16,384 cells wide (40,000 such rows would be 650 million cells).
 */
export const MAX_GRID_CELLS = 3_000_000;

/** Entries in the zip. Excel writes about 10 plus 2–4 per sheet, so 1,000 is 250 sheets with pictures and comments. */
export const MAX_ZIP_ENTRIES = 1_000;

/**
 * All entries unpacked. Nothing but the parts read is ever unpacked, so this is a plausibility
 * check, not a memory bound: a full 20 MB file of XML packed 1:15 is 300 MB.
 */
export const MAX_TOTAL_UNPACKED = 300 * 1024 * 1024;

/**
 * One sheet's XML. It is read as a stream, so its size costs time, not memory: a 50,000-row
 * sheet 40 columns wide is about 90 MB of XML (some 45 bytes a cell), and parsing 100 MB takes
 * some ten seconds.
 */
export const MAX_SHEET_XML_BYTES = 100 * 1024 * 1024;

/**
 * The shared-string table (xl/sharedStrings.xml) is kept whole in memory while the sheet is
 * read. 50,000 rows with 30 distinct texts each is 1,500,000 strings, about 50 MB of XML and
 * some 60 MB of memory.
 */
export const MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;
export const MAX_SHARED_STRINGS = 1_500_000;

/**
 * Any other part that is parsed (the workbook, its relationships, styles.xml). Style bloat tops
 * out at Excel's 64,000 cell formats, about 10 MB of XML.
 */
export const MAX_PART_BYTES = 16 * 1024 * 1024;

/**
 * One cell or one shared string, as XML. Excel holds at most 32,767 characters in a cell, at
 * most 96 KB of UTF-8; rich-text runs add markup, so 256 KB.
 */
export const MAX_CELL_XML_BYTES = 256 * 1024;

/**
 * Unpacked size over packed size, for any entry above RATIO_CHECK_FROM bytes. Spreadsheet XML
 * packs 1:5 to 1:20 (rows differ at least in their numbers: 50,000 rows of one value in 20
 * columns pack 1:18); a long run of one repeated byte, the stuff of zip bombs, packs to the
 * deflate maximum of about 1:1000.
 */
export const MAX_RATIO = 200;
export const RATIO_CHECK_FROM = 1024 * 1024;

/** Merged ranges in the sheet read. A county form has tens; 10,000 allows one per row of a large table. */
export const MAX_MERGES = 10_000;

/** One XML tag (not its content). Tags in a sheet are tens of bytes; a longer one is not a spreadsheet. */
export const MAX_TAG_BYTES = 64 * 1024;

/** 1048576 → “1,048,576”, as the messages show counts. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** 314572800 → “300 MB”; small sizes in KB. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${count(Math.round(bytes / 1024 / 1024))} MB`;
  return `${count(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
