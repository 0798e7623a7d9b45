import { m0001 } from './0001-registry';
import { m0002 } from './0002-audit-indexes';
import { m0003 } from './0003-people';
import { m0004 } from './0004-assets';
import { m0005 } from './0005-import-tolerance';
import { m0006 } from './0006-exit-decisions';
import { m0007 } from './0007-accounts';
import { m0008 } from './0008-normalised-text';
import { m0009 } from './0009-drugs';
import { m0010 } from './0010-supervision';
import { m0011 } from './0011-pinyin';
import { m0012 } from './0012-stock-balances';
import { m0013 } from './0013-pinyin-tokens';
import { m0014 } from './0014-stock-check-on-balance';
import type { Migration } from './types';

/** Every migration, in order. Versions must rise by one; `open.ts` asserts it at start. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
];

export const latestVersion = migrations[migrations.length - 1]?.version ?? 0;

export function assertMigrationOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}
