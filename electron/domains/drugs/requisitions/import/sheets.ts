/**
 * Every visible sheet of a requisition workbook, each read as the framework reads one (size and
 * zip checks first, then the sheet as a stream): the one-sheet-per-clinic form keeps each
 * clinic's requisition on a sheet named after it. The first read does the file's checks, so a
 * bomb is refused before any other sheet is looked at.
 */
import fs from 'node:fs';
import { readSheetGrid, type ImportSource, type SheetGrid } from '../../../../excel/import/read';
import { openBook } from '../../../../excel/import/streamRead';
import { checkDirectory } from '../../../../excel/import/zipGuard';

export async function readAllSheets(src: ImportSource, only?: string): Promise<SheetGrid[]> {
  const first = await readSheetGrid(src, only);
  if (only !== undefined) return [first];
  const bytes = 'file' in src ? fs.readFileSync(src.file) : src.buffer;
  const book = checkDirectory(bytes, first.source);
  const { sheets } = await openBook(book);
  const grids: SheetGrid[] = [];
  for (const s of sheets) {
    if (s.state !== 'visible') continue;
    const grid = s.name === first.sheetName ? first : await readSheetGrid({ buffer: bytes, name: first.source }, s.name);
    if (grid.rows.some((r) => r.cells.some((c) => c !== '' && c !== null && c !== undefined))) grids.push(grid);
  }
  return grids.length > 0 ? grids : [first];
}
