/**
 * The spine of the app: every operation the renderer may call, with the zod schemas of its
 * input and output. The main process's handler table is typed from this map, both
 * transports (IPC and HTTP) validate input against it before any service runs, and the
 * renderer's `call()` is typed from it. Each operation also declares the access it needs
 * (`shared/access.ts`), which the dispatcher checks against the signed-in user's role.
 * The operations are kept per domain in shared/ops/. Adding one: schema and access there, service function, handler entry, UI call.
 */
import type { z } from 'zod';
import { appOps } from './ops/app';
import { assetsOps } from './ops/assets';
import { drugsOps } from './ops/drugs';
import { peopleOps } from './ops/people';
import { registryOps } from './ops/registry';
import { supervisionOps } from './ops/supervision';

export const contract = {
  ...appOps,
  ...registryOps,
  ...peopleOps,
  ...assetsOps,
  ...drugsOps,
  ...supervisionOps,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type Output<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
