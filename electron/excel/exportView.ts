// Placeholder signature; implemented by the Excel work.
import type { FileResult } from '../../shared/schemas/common';
import type { ViewDef } from '../../shared/views';
import type { Db } from '../db/open';

export async function exportView(
  _db: Db,
  _view: ViewDef,
  _rows: Iterable<object>,
  _columns?: string[],
): Promise<FileResult> {
  throw new Error('not yet');
}
