/**
 * What a domain's handler map is typed against. Each domain declares the contract operations
 * of its prefix (`villages.*`, `assets.*` …) in its own handlers.ts; electron/app/handlers.ts
 * merges them into the one table the dispatcher calls, and the typecheck fails if an operation
 * of the contract has no handler or a handler's input or output drifts from its schema.
 * Handlers receive input already validated by the dispatcher and stay thin.
 */
import type { OpName, Output, ParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../db/context';
import type { Db } from '../db/open';

/** The part of the app's session a domain may use (the session itself lives above, in app/). */
interface DomainSession {
  readonly ctx: ServiceContext;
  readonly db: Db;
  /** The settings name the acting clerk: re-read them after a change. */
  refreshActor(): void;
}

export type Handler<K extends OpName, S = DomainSession> = (session: S, input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;

/** The operations whose name starts with `prefix.`. */
export type OpsOf<P extends string> = Extract<OpName, `${P}.${string}`>;

export type HandlerMap<K extends OpName, S = DomainSession> = { [P in K]: Handler<P, S> };

/** Rows mapped lazily, for exports that stream a list query into a workbook. */
export function mapped<Row>(rows: Iterable<Record<string, unknown>>, map: (r: Record<string, unknown>) => Row): Iterable<Row> {
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield map(r);
    },
  };
}
