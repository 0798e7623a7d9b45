/**
 * The cached results of formulas that exceljs's streaming reader gets wrong: it reads every
 * result as a number, so LibreOffice's TRUE() (how it writes every TRUE cell) arrives as 1 and
 * a VLOOKUP's #N/A as NaN (the whole-workbook reader gave true and “#N/A”); and exceljs's
 * formula value drops a falsy result, so FALSE() and a sum of 0 arrive as no result at all,
 * read as a blank (in both readers: kept here as false and 0). The byte scan (xmlScan.ts)
 * notes these cells, one byte each in typed arrays (3,000,000 such cells cost 27 MB, a Map
 * twenty times that), and streamRead.ts puts the value back.
 */

const MAX_ERROR_TEXTS = 64;

export class FormulaResults {
  private keys = new Float64Array(1024);
  private codes = new Uint8Array(1024);
  private length = 0;
  private sorted = true;
  /** Codes: 0 false, 1 true, 2 the number 0, 3… an error text (#N/A, #DIV/0! …); a sheet has a handful, the cap only stops a crafted one. */
  private readonly errors: string[] = [];

  private static key(row: number, col: number): number {
    return row * 16_384 + col;
  }

  /** A formula cell's type (its t attribute) and cached text; only those listed above are kept. */
  add(row: number, col: number, type: string | undefined, text: string): void {
    let code: number;
    if (type === 'b') code = Number.parseInt(text, 10) !== 0 ? 1 : 0;
    else if (type === 'e') {
      let at = this.errors.indexOf(text);
      if (at < 0 && this.errors.length < MAX_ERROR_TEXTS) at = this.errors.push(text) - 1;
      code = 3 + Math.max(0, at);
    } else if ((type === undefined || type === 'n') && Number.parseFloat(text) === 0) code = 2;
    else return;
    if (this.length === this.keys.length) {
      const keys = new Float64Array(this.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const codes = new Uint8Array(this.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    const key = FormulaResults.key(row, col);
    if (this.length > 0 && key <= (this.keys[this.length - 1] ?? 0)) this.sorted = false;
    this.keys[this.length] = key;
    this.codes[this.length++] = code;
  }

  /** Cells come in sheet order, so this is a no-op but for a sheet written out of order. */
  finish(): void {
    if (this.sorted) return;
    const order = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => (this.keys[a] ?? 0) - (this.keys[b] ?? 0));
    this.keys = Float64Array.from(order, (i) => this.keys[i] ?? 0);
    this.codes = Uint8Array.from(order, (i) => this.codes[i] ?? 0);
    this.sorted = true;
  }

  /** The result noted for the cell, or undefined for one exceljs reads right. */
  get(row: number, col: number): boolean | 0 | { error: string } | undefined {
    const key = FormulaResults.key(row, col);
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid] ?? 0;
      if (k === key) {
        const code = this.codes[mid] ?? 0;
        return code < 2 ? code === 1 : code === 2 ? 0 : { error: this.errors[code - 3] ?? '#N/A' };
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
