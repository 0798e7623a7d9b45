/** The backups page's operations: list, make, restore (issue 9: restore goes through the running app). */
import path from 'node:path';
import { audit } from '../db/audit';
import { backupDatabase, backupDirFor, describe, listBackups } from '../db/backup';
import type { HandlerMap, OpsOf } from '../domains/handlerTypes';
import type { Session } from './session';

export const backupHandlers: HandlerMap<OpsOf<'backups'>, Session> = {
  'backups.list': (s) => listBackups(s.dbPath),
  'backups.create': async (s) => {
    const made = await backupDatabase(s.db, s.dbPath, 'manual', 1000);
    audit(s.ctx, { action: 'backup', entity: 'database', summary: `手动备份到 ${made.file}` });
    return made;
  },
  'backups.restore': async (s, { file }) => {
    // A name from the list is found in the backups folder; a full path is taken as it is.
    const from = path.resolve(backupDirFor(s.dbPath), file);
    const { safetyCopy } = await s.restore(from);
    return { restoredFrom: from, backupAt: describe(from).at, safetyCopy: safetyCopy ?? null };
  },
};
