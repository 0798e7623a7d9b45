/**
 * The Electron transport: one IPC channel, `thd:invoke`, into the shared dispatcher. Every call
 * is checked to come from a frame of our own pages — exactly the app:// origin main.ts serves
 * them from — before anything runs; anything else gets a refusal envelope, never a throw (a
 * throw would reach the page as an English Electron error instead of a Chinese message).
 */
import { ipcMain } from 'electron';
import { fail } from '../shared/envelope';
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
    return dispatch(session, typeof op === 'string' ? op : '', input);
  });
}
