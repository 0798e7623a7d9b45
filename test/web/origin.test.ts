// The browser mode's Origin check (issue 9): a page on another site, open in the same browser,
// must not reach the API even if it had the token. Browsers send Origin with every POST; it must
// be exactly the address the request came to. Real HTTP requests against a started server.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/web';
import { village } from '../helpers/calls';
import { envelope, rawRequest } from '../helpers/http';
import { dumpDb, openSessionForFile, tempDirForFile } from '../helpers/tempDb';

let session: Session;
let server: WebServer;
let own: string;
let baseline: string;

beforeAll(async () => {
  session = await openSessionForFile();
  const staticDir = tempDirForFile();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ session, staticDir });
  own = `http://127.0.0.1:${server.port}`;
  baseline = dumpDb(session.db);
});
afterAll(() => server.close());

function call(op: string, body: unknown, origin?: string, token = server.token) {
  return fetch(`${server.url}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...(origin === undefined ? {} : { origin }) },
    body: JSON.stringify(body),
  });
}

async function expectRefused(res: Response): Promise<void> {
  expect(res.status).toBe(403);
  const body = envelope(await res.text());
  expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(dumpDb(session.db)).toBe(baseline);
}

describe('browser mode: the Origin header', () => {
  it('accepts the server’s own origin, as the page sends it', async () => {
    const res = await call('app.info', {}, own);
    expect(res.status).toBe(200);
    expect(envelope(await res.text())).toMatchObject({ ok: true, value: { shell: 'browser' } });
  });

  it('accepts a request with no Origin (not a browser: the token alone decides)', async () => {
    expect((await call('app.info', {})).status).toBe(200);
    expect((await call('app.info', {}, undefined, 'wrong')).status).toBe(401);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another site over http', 'http://evil.example'],
    ['an opaque origin (sandboxed frame, file:// page)', 'null'],
    ['another port on this machine', 'http://127.0.0.1:1'],
    ['the right address over https', 'https://127.0.0.1:PORT'],
    ['the right address with a trailing slash', 'http://127.0.0.1:PORT/'],
    ['the right address without the port', 'http://127.0.0.1'],
    ['the other loopback name, when the request came to 127.0.0.1', 'http://localhost:PORT'],
    ['a look-alike host', 'http://127.0.0.1.evil.example:PORT'],
    ['two origins', 'http://127.0.0.1:PORT, https://evil.example'],
  ])('refuses a write from %s with 403 even with the right token', async (_what, origin) => {
    await expectRefused(await call('villages.create', village({ name: '外来村' }), origin.replaceAll('PORT', String(server.port))));
  });

  it('refuses before looking at the token or the body', async () => {
    await expectRefused(await call('villages.create', village({ name: '外来村' }), 'https://evil.example', 'wrong'));
    const res = await fetch(`${server.url}api/villages.create`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', [TOKEN_HEADER]: server.token },
      body: '{not json',
    });
    await expectRefused(res);
  });

  it('refuses a CORS preflight and a cross-site read of the page', async () => {
    const preflight = await fetch(`${server.url}api/villages.create`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const page = await fetch(server.url, { headers: { origin: 'https://evil.example' } });
    expect(page.status).toBe(403);
    const ownPage = await fetch(server.url, { headers: { origin: own } });
    expect(ownPage.status).toBe(200);
  });

  it('accepts http://localhost:PORT when the page was opened at localhost (the Host says so)', async () => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/app.info',
      host: `localhost:${server.port}`,
      headers: { origin: `http://localhost:${server.port}`, [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const refused = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/villages.create',
      host: `localhost:${server.port}`,
      headers: { origin: own, [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: JSON.stringify(village({ name: '外来村' })),
    });
    expect(refused.status).toBe(403);
    expect(dumpDb(session.db)).toBe(baseline);
  });
});
