/** The essential list's upload from the app: base64 → sheet grid → preview or load. */
import type { z } from 'zod';
import type { EssentialListPreview, essentialListUpload } from '../../../shared/schemas/drugs';
import type { ServiceContext } from '../../db/context';
import { AppError } from '../../db/errors';
import { readSheetGrid, type SheetGrid } from '../../excel/import/read';
import { loadEdition, previewEdition } from './essential/load';

type Upload = z.output<typeof essentialListUpload>;

async function gridOf(u: Upload): Promise<SheetGrid> {
  const bytes = Buffer.from(u.base64, 'base64');
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', `“${u.fileName}”是空文件，请重新选择`);
  return readSheetGrid({ buffer: bytes, name: u.fileName });
}

export async function previewEditionUpload(ctx: ServiceContext, u: Upload): Promise<EssentialListPreview> {
  return previewEdition(ctx.db, await gridOf(u), { effectiveOn: u.effectiveOn, name: u.name });
}

export async function loadEditionUpload(ctx: ServiceContext, u: Upload): Promise<EssentialListPreview> {
  return loadEdition(ctx, await gridOf(u), { effectiveOn: u.effectiveOn, name: u.name });
}
