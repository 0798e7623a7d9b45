/** The backups page's operations: list, make, restore (issue 9: restore goes through the running app). */
import { audit } from '../db/audit';
import { backupDatabase, listBackups } from '../db/backup';
import type { HandlerMap, OpsOf } from '../domains/handlerTypes';
import type { Session } from './session';

export const backupHandlers: HandlerMap<OpsOf<'backups'>, Session> = {
  'backups.list': (s) => listBackups(s.dbPath),
  'backups.create': async (s) => {
    const made = await backupDatabase(s.db, s.dbPath, 'manual', 1000);
    audit(s.ctx, { action: 'backup', entity: 'database', summary: `手动备份到 ${made.file}` });
    return made;
  },
};
