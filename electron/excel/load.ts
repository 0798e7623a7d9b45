/**
 * exceljs takes about a quarter of a second to load, so it is never imported at the top of a
 * module: the app starts without it and pays the cost on the first workbook read or written.
 * Only types are imported statically elsewhere (`import type`), which cost nothing at run time.
 */
type ExcelModule = typeof import('exceljs');

let loading: Promise<ExcelModule> | undefined;

export function loadExcel(): Promise<ExcelModule> {
  // exceljs is CommonJS: under Node's ESM loader its exports arrive as `default`; under a
  // bundler or CommonJS they arrive as the namespace itself.
  loading ??= import('exceljs').then((m) => (m as { default?: ExcelModule }).default ?? m);
  return loading;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
