import type { z } from 'zod';
import type { AppErrorBody } from '../../shared/envelope';

/**
 * Turns a zod failure into the envelope's error: one Chinese sentence naming the first bad
 * field, plus every field's message so a form can mark them all. `labels` maps field keys to
 * the Chinese names the clerk sees.
 */
export function zodToError(err: z.ZodError, labels: Record<string, string> = {}): AppErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const path = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
    const key = path.replace(/^(values|record)\./, '') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const [firstKey, firstMessage] = Object.entries(fields)[0] ?? ['_', '输入有误'];
  const leaf =
    firstKey
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? firstKey;
  const label = labels[leaf] ?? labels[firstKey];
  const message = label && !firstMessage.includes(label) ? `${label}：${firstMessage}` : firstMessage;
  return {
    code: 'VALIDATION',
    message: `${message}。请改正后重试`,
    field: firstKey === '_' ? undefined : firstKey,
    fields,
  };
}
