/**
 * Browser mode: serves the built renderer and the same handler table over HTTP, for machines
 * without the Electron binary and for the end-to-end tests. Listens on 127.0.0.1 only, checks
 * the Host header (no DNS rebinding), refuses a request whose Origin header names another site
 * (cross-site requests from a page in the same browser), and requires the per-run token on
 * every API call.
 *
 *   POST /api/<operation>   body: the operation's input as JSON   header: x-thd-token
 *   → 200 with the envelope { ok, value } | { ok: false, error }, or 400/401/403/413 with an
 *     error envelope when the request itself is unacceptable.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppErrorBody } from '../shared/envelope';
import { dispatch } from './app/dispatch';
import type { Session } from './app/session';

export const TOKEN_HEADER = 'x-thd-token';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS), which needs inline style elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

export interface WebServer {
  url: string;
  /** The address to open, with the token the page needs. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

interface WebServerOptions {
  session: Session;
  staticDir: string;
  port?: number;
  token?: string;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: AppErrorBody): void {
  sendJson(res, status, { ok: false, error });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const clean = safeDecode(urlPath.split('?')[0] ?? '/');
  if (clean === null) {
    sendError(res, 400, { code: 'BAD_REQUEST', message: '请求地址有误' });
    return;
  }
  const rel = clean === '/' ? 'index.html' : clean.replace(/^\/+/, '');
  const file = path.resolve(staticDir, rel);
  const inside = file.startsWith(path.resolve(staticDir) + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticDir, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面文件尚未生成，请先运行 npm run build');
    return;
  }
  const ext = path.extname(target);
  res.writeHead(200, {
    'content-type': MIME[ext] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: '程序内部错误，请重试' });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendError(res, 403, { code: 'UNAUTHORIZED', message: '只接受本机地址的访问' });
      return;
    }
    // Browsers send Origin with every POST and every CORS-mode load (the page's own crossorigin
    // script and stylesheet too); it must be the very address this request came to. Another page open in the same browser cannot forge it, so this
    // holds even if the token leaked (in a link, a screenshot, the history). Clients that are not
    // browsers send none and are left to the token; "null" (sandboxed frames, file:// pages) is refused.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendError(res, 403, { code: 'UNAUTHORIZED', message: '拒绝来自其他网页的请求：只接受本程序自己页面的访问' });
      return;
    }
    const url = req.url ?? '/';
    if (!url.startsWith('/api/') && url !== '/api') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, { code: 'BAD_REQUEST', message: '不支持的请求方式' });
        return;
      }
      serveStatic(opts.staticDir, url, res);
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'BAD_REQUEST', message: '接口只接受 POST 请求' });
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      sendError(res, 401, { code: 'UNAUTHORIZED', message: '访问令牌缺失或不正确，请用程序启动时显示的完整地址重新打开' });
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      sendError(res, 413, { code: 'TOO_LARGE', message: `提交的内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未做任何修改` });
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        sendError(res, 400, { code: 'BAD_REQUEST', message: '提交的内容不是有效的 JSON，未做任何修改' });
        return;
      }
    }
    const op = safeDecode(url.slice('/api/'.length).split('?')[0] ?? '');
    if (op === null) {
      sendError(res, 400, { code: 'BAD_REQUEST', message: '请求地址有误' });
      return;
    }
    sendJson(res, 200, await dispatch(opts.session, op, input));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
