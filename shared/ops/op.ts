/** The shape of one operation of the contract (shared/contract.ts). */
import { z } from 'zod';
import '../zodLocale';
import type { Access } from '../access';

export const none = z.object({}).strict();

/** An operation: its input and output schemas, and the access it needs (shared/access.ts). */
export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) {
  return { input, output, access };
}
