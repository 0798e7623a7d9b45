/** The backups page's restore (issue 9): which file, and what became of the data it replaced. */
import { z } from 'zod';
import { backupInfo } from './app';

/** A file from `backups.list` (its full path, or its name in the backups folder) or any path. */
export const backupRestoreInput = z.object({ file: z.string().trim().min(1, '请选择要恢复的备份文件').max(4096) }).strict();

export const backupRestoreOutput = z.object({
  restoredFrom: z.string(),
  /** When the backup was taken (from its name), or the file's modification time. */
  backupAt: z.string(),
  /** The data the restore replaced, kept in the backups folder; null when there was none. */
  safetyCopy: backupInfo.nullable(),
});

/** 备份到… (issue 12 item 10): the folder the copy goes to — a USB stick, another disk; checked on the server. */
export const backupToFolderInput = z.object({ folder: z.string().trim().min(1, '请选择或填写备份文件夹').max(4096) }).strict();

/** A backup file to look into before restoring from it (its full path, or a name in the backups folder). */
export const backupInspectInput = backupRestoreInput;

/** What a backup holds: shown before a restore replaces anything with it. */
export const backupContents = z.object({
  file: z.string(),
  at: z.string(),
  sizeBytes: z.number(),
  reason: z.string(),
  schemaVersion: z.number(),
  centerName: z.string(),
  counts: z.object({ villages: z.number(), clinics: z.number(), people: z.number(), assets: z.number(), visits: z.number() }),
});
