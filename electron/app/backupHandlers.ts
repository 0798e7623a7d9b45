/** The backups page's operations: list, make, restore (issue 9: restore goes through the running app). */
import path from 'node:path';
import { audit } from '../db/audit';
import { backupDatabase, backupDirFor, describe, listBackups } from '../db/backup';
import { backupToFolder, inspectBackup } from '../db/backupToFolder';
import { readSettings } from '../domains/settings/service';
import type { HandlerMap, OpsOf } from '../domains/handlerTypes';
import type { Session } from './session';

export const backupHandlers: HandlerMap<OpsOf<'backups'>, Session> = {
  'backups.list': (s) => listBackups(s.dbPath),
  'backups.create': async (s) => {
    const made = await backupDatabase(s.db, s.dbPath, 'manual', 1000);
    audit(s.ctx, { action: 'backup', entity: 'database', summary: `手动备份到 ${made.file}` });
    return made;
  },
  // Issue 12 item 10: the same online copy as the CLI's backup, to the clerk's folder (db/backupToFolder.ts).
  'backups.toFolder': async (s, { folder }) => {
    const made = await backupToFolder(s.db, folder, readSettings(s.db).centerName);
    audit(s.ctx, { action: 'backup', entity: 'database', summary: `备份到文件夹：${made.file}` });
    return made;
  },
  // Shown before a restore: the backup's date and what it holds; a name is looked for in the backups folder as for the restore.
  'backups.inspect': (s, { file }) => inspectBackup(path.resolve(backupDirFor(s.dbPath), file)),
  'backups.restore': async (s, { file }) => {
    // A name from the list is found in the backups folder; a full path is taken as it is.
    const from = path.resolve(backupDirFor(s.dbPath), file);
    const { safetyCopy } = await s.restore(from);
    return { restoredFrom: from, backupAt: describe(from).at, safetyCopy: safetyCopy ?? null };
  },
};
