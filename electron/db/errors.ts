import type { AppErrorBody, ErrorCode } from '../../shared/envelope';

/** An error meant for the clerk: Chinese message, optional field or row to point at. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; row?: number; fields?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `没有找到该${what}，可能已被删除，请刷新后重试`);
}

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { field, fields: { [field]: message } });
}
