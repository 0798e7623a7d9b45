/** The 考核细则 upload from the app: base64 → sheet grid → preview, or load as a new version. */
import type { z } from 'zod';
import type { TemplatePreview, templateUpload } from '../../../../shared/schemas/supervision';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import { readSheetGrid, type SheetGrid } from '../../../excel/import/read';
import { loadTemplate, previewTemplate } from './load';

type Upload = z.output<typeof templateUpload>;

async function gridOf(u: Upload): Promise<SheetGrid> {
  const bytes = Buffer.from(u.base64, 'base64');
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', `“${u.fileName}”是空文件，请重新选择`);
  return readSheetGrid({ buffer: bytes, name: u.fileName });
}

export async function previewTemplateUpload(ctx: ServiceContext, u: Upload): Promise<TemplatePreview> {
  return previewTemplate(ctx.db, await gridOf(u), { effectiveFrom: u.effectiveFrom, name: u.name });
}

export async function loadTemplateUpload(ctx: ServiceContext, u: Upload): Promise<TemplatePreview> {
  return loadTemplate(ctx, await gridOf(u), { effectiveFrom: u.effectiveFrom, name: u.name });
}
