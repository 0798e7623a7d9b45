import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError, errorMessage } from '../api';

/** Marks each field the core complained about and returns the sentence for the form's banner. */
export function applyServerError<T extends FieldValues>(e: unknown, setError: UseFormSetError<T>, known: readonly string[]): string {
  if (e instanceof ApiError && e.body.fields) {
    for (const [field, msg] of Object.entries(e.body.fields)) {
      if (known.includes(field)) setError(field as FieldPath<T>, { type: 'server', message: msg });
    }
  }
  return errorMessage(e);
}
