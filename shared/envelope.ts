/**
 * The one shape every operation answers with, over IPC and over HTTP alike.
 * `message` is Chinese and meant for the clerk; `field` names the form field to mark,
 * `fields` carries every field's message when a whole form fails validation.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  /** No one is signed in, or the session ended after the idle time: sign in and try again. */
  | 'SIGNED_OUT'
  /** The signed-in user's role may not do this (the message names the role and what is needed). */
  | 'FORBIDDEN'
  | 'UNKNOWN_OP'
  | 'BAD_REQUEST'
  | 'TOO_LARGE'
  | 'DB_FROM_FUTURE'
  | 'DB_CORRUPT'
  | 'INTERNAL';

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  row?: number;
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorBody): Envelope<never> {
  return { ok: false, error };
}
