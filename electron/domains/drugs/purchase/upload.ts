/**
 * The platform upload file of a month's purchase plan (issue 10 part 3): one plain header row
 * in the order of the setting `purchasePlanColumns`, one row per drug, no title, totals or
 * signature rows — what provincial platforms accept when a plan is uploaded. Prices and amounts
 * in 元 with two decimals (a number cell), quantities in packs; text cells stay text, so a
 * platform code of digits keeps its leading zeros.
 */

import { purchaseColumnLabels, type PurchaseColumnKey, type PurchaseRow } from '../../../../shared/schemas/requisitions';
import type { FileResult } from '../../../../shared/schemas/common';
import type { ServiceContext } from '../../../db/context';
import { XLSX_MIME, loadExcel } from '../../../excel/load';
import { purchasePlan } from './plan';

export const UPLOAD_TITLE = '采购计划上传';

// Exact: 分 to 元 by integer division, never a float product.
const yuan = (fen: number) => Number(`${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`);

function cell(key: PurchaseColumnKey, r: PurchaseRow, index: number): string | number {
  switch (key) {
    case 'index':
      return index;
    case 'packs':
      return r.packs;
    case 'price':
      return yuan(r.priceFen);
    case 'amount':
      return yuan(r.amountFen);
    default:
      return r[key];
  }
}

/** The header and rows, as the file holds them (tests and the CLI's JSON read the same). */
export function uploadRows(
  ctx: ServiceContext,
  month: string,
): { header: string[]; rows: (string | number)[][]; columns: PurchaseColumnKey[] } {
  const plan = purchasePlan(ctx, month);
  return {
    columns: plan.columns,
    header: plan.columns.map((k) => purchaseColumnLabels[k]),
    rows: plan.rows.map((r, i) => plan.columns.map((k) => cell(k, r, i + 1))),
  };
}

export async function purchaseUploadBuffer(ctx: ServiceContext, month: string): Promise<{ buffer: Buffer; rowCount: number }> {
  const { header, rows, columns } = uploadRows(ctx, month);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('采购计划');
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  columns.forEach((k, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = k === 'genericName' || k === 'maker' || k === 'spec' ? 24 : 12;
    if (k === 'price' || k === 'amount') col.numFmt = '0.00';
    if (k === 'platformCode' || k === 'nationalCode') col.numFmt = '@';
  });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rowCount: rows.length };
}

export async function purchaseUploadFile(ctx: ServiceContext, month: string): Promise<FileResult> {
  const { buffer, rowCount } = await purchaseUploadBuffer(ctx, month);
  return { fileName: `${UPLOAD_TITLE}-${month.replace('-', '')}.xlsx`, mime: XLSX_MIME, base64: buffer.toString('base64'), rowCount };
}
