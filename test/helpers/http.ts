/**
 * Raw HTTP for the browser-mode tests: node:http rather than fetch, so a test controls the
 * Host header and the exact request path (fetch normalises `/../`).
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The Host header to send; `null` sends none at all. */
  host?: string | null;
}

export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: r.port,
        method: r.method ?? 'GET',
        path: r.path,
        setHost: r.host !== null,
        headers: { ...(r.host === null ? {} : { host: r.host ?? `127.0.0.1:${r.port}` }), ...r.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Parses an envelope-shaped JSON body. */
export function envelope(body: string): { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } } {
  return JSON.parse(body) as { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } };
}
