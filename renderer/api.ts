/**
 * The renderer's one way to the core: `call(op, input)`, typed from the contract. In the
 * Electron window it goes through the preload's `window.thd.invoke`; in browser mode it POSTs
 * to 127.0.0.1 with the per-run token the address carried. Either way the answer is the
 * envelope; a failure becomes an ApiError with the Chinese message and the field to mark.
 */
import type { Input, OpName, Output } from '../shared/contract';
import type { AppErrorBody, Envelope } from '../shared/envelope';

interface PreloadApi {
  invoke(op: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    thd?: PreloadApi;
  }
}

export class ApiError extends Error {
  constructor(readonly body: AppErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'thd-token';

/** Takes the token from `?token=…` once, keeps it for this tab, and hides it from the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = window.thd ? '' : browserToken();

async function transport(op: string, input: unknown): Promise<Envelope<unknown>> {
  if (window.thd) return (await window.thd.invoke(op, input)) as Envelope<unknown>;
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-thd-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到程序后台，请确认程序仍在运行（启动窗口未关闭）后刷新页面' } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `后台返回了无法识别的内容（HTTP ${res.status}），请刷新页面重试` } };
  }
}

/**
 * Who answers a SIGNED_OUT (the session ended after the idle time): the app shows the sign-in
 * over the page, which stays as it is, and resolves true once the same user has signed in again
 * — then the call is made again, so a save the clerk pressed is not lost. False: the call fails
 * with the sign-in's reason, and the page says so.
 */
type SignedOutHandler = (message: string) => Promise<boolean>;
let onSignedOut: SignedOutHandler | null = null;
export function setSignedOutHandler(handler: SignedOutHandler | null): void {
  onSignedOut = handler;
}

export async function call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> {
  let env = await transport(op, input);
  if (!env.ok && env.error.code === 'SIGNED_OUT' && onSignedOut && (await onSignedOut(env.error.message))) {
    env = await transport(op, input);
  }
  if (!env.ok) throw new ApiError(env.error);
  return env.value as Output<K>;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.body.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
