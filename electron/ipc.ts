/**
 * The Electron transport: one IPC channel, `thd:invoke`, into the shared dispatcher. Every call
 * is checked to come from our own page (the sender frame's URL) before anything runs.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from './app/dispatch';
import type { Session } from './app/session';

function isTrustedSender(event: IpcMainInvokeEvent, appUrlPrefix: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(appUrlPrefix);
}

export function registerIpc(session: Session, appUrlPrefix: string): void {
  ipcMain.handle('thd:invoke', async (event, op: unknown, input: unknown) => {
    if (!isTrustedSender(event, appUrlPrefix)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝来自未知页面的请求' } };
    }
    return dispatch(session, typeof op === 'string' ? op : '', input);
  });
}
