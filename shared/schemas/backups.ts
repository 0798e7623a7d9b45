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
