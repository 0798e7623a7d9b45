/**
 * The Electron shell's PDF of the open print view (electron/printPdf.ts), reached through the
 * preload's one `invoke` as the shell's own operation. Browser mode has none: the print dialog's
 * 另存为 PDF does it there.
 */
interface ShellEnvelope {
  ok: boolean;
  value?: { file: string | null };
  error?: { message: string };
}

export function shellCanPrintPdf(): boolean {
  return window.thd !== undefined;
}

/** Saves the window as PDF where the clerk chooses; the file's path, or null when the dialog was cancelled. */
export async function saveShellPdf(fileName: string): Promise<string | null> {
  if (!window.thd) throw new Error('浏览器模式请用“打印”并选择“另存为 PDF”');
  const env = (await window.thd.invoke('shell.printToPdf', { fileName })) as ShellEnvelope;
  if (!env.ok) throw new Error(env.error?.message ?? '生成 PDF 失败');
  return env.value?.file ?? null;
}
