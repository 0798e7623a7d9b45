/**
 * 备份到… (issue 12 item 10), the page's side: the folder last backed up to, kept in this
 * browser's / window's local storage so the next backup proposes it (a USB stick is usually at
 * the same drive letter); and, in the Electron window, the shell's native folder dialog
 * (electron/chooseFolder.ts), reached through the preload's one `invoke`. Browser mode has no
 * native dialog: the clerk types the path and the server checks it.
 */
const LAST_FOLDER_KEY = 'thd.backupFolder';

export function lastBackupFolder(): string {
  try {
    return window.localStorage.getItem(LAST_FOLDER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberBackupFolder(folder: string): void {
  try {
    window.localStorage.setItem(LAST_FOLDER_KEY, folder);
  } catch {
    // Storage refused (private window): the path field simply starts empty next time.
  }
}

export function shellHasFolderDialog(): boolean {
  return window.thd !== undefined;
}

interface ShellEnvelope {
  ok: boolean;
  value?: { folder: string | null };
  error?: { message: string };
}

/** The folder the clerk picks in the native dialog, or null when the dialog was cancelled. */
export async function chooseFolderInShell(defaultPath: string): Promise<string | null> {
  if (!window.thd) throw new Error('浏览器模式请在输入框中填写文件夹路径');
  const env = (await window.thd.invoke('shell.chooseFolder', defaultPath ? { defaultPath } : {})) as ShellEnvelope;
  if (!env.ok) throw new Error(env.error?.message ?? '无法打开选择文件夹的窗口');
  return env.value?.folder ?? null;
}

/** A file size the way the backups list shows it. */
export const sizeText = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);
