/**
 * The Electron transport: one IPC channel, `thd:invoke`, into the shared dispatcher. Every call
 * is checked to come from a frame of our own pages — exactly the app:// origin main.ts serves
 * them from — before anything runs; anything else gets a refusal envelope, never a throw (a
 * throw would reach the page as an English Electron error instead of a Chinese message).
 */
import { BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import fs from 'node:fs';
import { z } from 'zod';
import { fail, ok, type Envelope } from '../shared/envelope';
import { dispatch } from './app/dispatch';
import type { Session } from './app/session';

export const INVOKE_CHANNEL = 'thd:invoke';

/** What the check reads of `event.senderFrame` (Electron's WebFrameMain). */
interface SenderFrame {
  readonly url: string;
  readonly origin: string;
}

/**
 * True only when both the frame's security origin and its URL's scheme://host are exactly
 * `appOrigin`. A prefix test would let `app://desk.evil/` or `app://desk@…` through; the origin
 * alone would pass an about:blank child that inherits it; the URL alone would pass a page whose
 * origin is opaque ("null", e.g. a sandboxed frame) at an app:// address.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  if (!frame || frame.origin !== appOrigin) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}` === appOrigin;
}

export function registerIpc(session: Session, appOrigin: string): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, op: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, appOrigin)) {
      return fail({ code: 'UNAUTHORIZED', message: '拒绝来自未知页面的请求' });
    }
    // The one call the shell answers itself: the window's print view saved as PDF (printToPdf below).
    if (op === PRINT_TO_PDF_OP) return printToPdf(event.sender, input);
    // And the folder dialog of 备份到… (chooseFolder below); the backup itself goes through dispatch.
    if (op === CHOOSE_FOLDER_OP) return chooseFolder(event.sender, input);
    return dispatch(session, typeof op === 'string' ? op : '', input);
  });
}

/**
 * The Electron shell's PDF (P8; P4: the re-check pack's printed sheets). The page asks for it
 * through the same channel, as `shell.printToPdf`, while its print view is open: the window's
 * own contents go through Chromium's printToPDF (A4, the page's @page rules — print.css keeps
 * the app itself off the paper) and are saved where the clerk chooses. No second window and no
 * second sign-in: what the clerk sees is what is saved. Browser mode has no such call; there the
 * print dialog's 另存为 PDF does it.
 */
export const PRINT_TO_PDF_OP = 'shell.printToPdf';

const printInput = z.object({ fileName: z.string().trim().min(1).max(120) }).strict();

async function printToPdf(sender: WebContents, input: unknown): Promise<Envelope<{ file: string | null; bytes: number }>> {
  const parsed = printInput.safeParse(input);
  if (!parsed.success) return fail({ code: 'VALIDATION', message: '缺少要保存的 PDF 文件名' });
  try {
    const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    const options = {
      title: '另存为 PDF',
      // Characters Windows refuses in a file name.
      defaultPath: parsed.data.fileName.replace(/[\\/:*?"<>|]/g, '_'),
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    };
    const owner = BrowserWindow.fromWebContents(sender);
    const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return ok({ file: null, bytes: pdf.length });
    await fs.promises.writeFile(chosen.filePath, pdf);
    return ok({ file: chosen.filePath, bytes: pdf.length });
  } catch (e) {
    return fail({ code: 'INTERNAL', message: `生成 PDF 失败：${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * The shell's folder dialog for 备份到… (issue 12 item 10): the page asks through the same
 * channel, as `shell.chooseFolder`, and gets the chosen folder (null when cancelled). Nothing
 * else happens here: the backup is the ordinary operation `backups.toFolder`, which checks the
 * folder and writes the copy (db/backupToFolder.ts). Browser mode has no native dialog; there
 * the clerk types the path.
 */
export const CHOOSE_FOLDER_OP = 'shell.chooseFolder';

const chooseInput = z.object({ defaultPath: z.string().max(4096).optional() }).strict();

async function chooseFolder(sender: WebContents, input: unknown): Promise<Envelope<{ folder: string | null }>> {
  const parsed = chooseInput.safeParse(input ?? {});
  if (!parsed.success) return fail({ code: 'VALIDATION', message: '选择文件夹的参数不正确' });
  try {
    const options: Electron.OpenDialogOptions = {
      title: '选择备份到的文件夹（例如U盘）',
      buttonLabel: '备份到这里',
      properties: ['openDirectory', 'createDirectory'],
      ...(parsed.data.defaultPath ? { defaultPath: parsed.data.defaultPath } : {}),
    };
    const owner = BrowserWindow.fromWebContents(sender);
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return ok({ folder: chosen.canceled ? null : (chosen.filePaths[0] ?? null) });
  } catch (e) {
    return fail({ code: 'INTERNAL', message: `无法打开选择文件夹的窗口：${e instanceof Error ? e.message : String(e)}` });
  }
}
