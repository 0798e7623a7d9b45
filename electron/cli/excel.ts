// Placeholder; implemented by the Excel work (import / export / report commands).
import { AppError } from '../core/errors';
import type { CliArgs } from './args';

export async function cmdImport(_a: CliArgs): Promise<string> {
  throw new AppError('BAD_REQUEST', '尚未实现');
}
export async function cmdExport(_a: CliArgs): Promise<string> {
  throw new AppError('BAD_REQUEST', '尚未实现');
}
export async function cmdReport(_a: CliArgs): Promise<string> {
  throw new AppError('BAD_REQUEST', '尚未实现');
}
export function importHelp(): string {
  return '';
}
export function exportHelp(): string {
  return '';
}
