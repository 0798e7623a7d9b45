// Placeholder; implemented by the Excel work.
import type { ReturnName } from '../../shared/schemas/app';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../core/context';

export const returnCatalog: { name: ReturnName; title: string; description: string }[] = [];
export async function exportReturnFile(_ctx: ServiceContext, _name: ReturnName): Promise<FileResult> {
  throw new Error('not yet');
}
