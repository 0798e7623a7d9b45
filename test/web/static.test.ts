import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { CONTENT_SECURITY_POLICY, startWebServer, type WebServer } from '../../electron/web';
import { rawRequest } from '../helpers/http';
import { dumpDb, openSessionForFile, tempDirForFile } from '../helpers/tempDb';

const INDEX = '<!doctype html><title>乡村卫生</title>';
const SECRET = 'TOP-SECRET-OUTSIDE-STATIC';

let session: Session;
let server: WebServer;
let baseline: string;

beforeAll(async () => {
  session = await openSessionForFile();
  const root = tempDirForFile();
  const staticDir = path.join(root, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  // Files the server must never hand out: beside the static folder, and in a sibling
  // folder whose name starts with the static folder's name.
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(root, 'static-evil'));
  fs.writeFileSync(path.join(root, 'static-evil', 'secret.txt'), SECRET);
  server = await startWebServer({ session, staticDir });
  baseline = dumpDb(session.db);
});
afterAll(() => server.close());

const get = (p: string) => rawRequest({ port: server.port, path: p });

describe('static files', () => {
  it('serves index.html at / with the Content-Security-Policy and no caching', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves an asset with its type and the CSP, ignoring the query string', async () => {
    const res = await get('/assets/app.js?v=3');
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log(1);');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers an unknown path with the app page (client-side routes)', async () => {
    const res = await get('/clinics/12');
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e%5csecret.txt',
    '/../static-evil/secret.txt',
    '/%2e%2e/static-evil/secret.txt',
    `/${encodeURIComponent(path.join(os.tmpdir(), 'x'))}/../secret.txt`,
    '//etc/passwd',
    '/%2fetc%2fpasswd',
  ])('does not leak files outside the static folder for %s', async (p) => {
    const res = await get(p);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    if (res.status === 200) expect(res.body).toBe(INDEX);
  });

  it('does not serve package.json of the project through traversal', async () => {
    for (const p of ['/../package.json', '/%2e%2e/%2e%2e/%2e%2e/package.json', '/../../../../../../../../etc/hostname']) {
      const res = await get(p);
      expect(res.body).not.toContain('"devDependencies"');
      if (res.status === 200) expect(res.body).toBe(INDEX);
    }
  });

  it('keeps answering after a malformed percent-encoding', async () => {
    const bad = await get('/%E0%A4%A');
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.body).not.toContain(SECRET);
    const api = await rawRequest({ port: server.port, method: 'POST', path: '/api/%E0%A4%A', headers: { 'x-thd-token': server.token } });
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect((await get('/')).status).toBe(200);
  });

  it('the database is untouched by all of this', () => {
    expect(dumpDb(session.db)).toBe(baseline);
  });
});

/** Resolves true if a TCP connection to host:port is accepted within 1.5 s. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (v: boolean) => {
      sock.destroy();
      resolve(v);
    };
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
    sock.setTimeout(1500, () => done(false));
  });
}

describe('listening address', () => {
  it('accepts connections on 127.0.0.1 only', async () => {
    expect(await connects('127.0.0.1', server.port)).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal)
      .map((a) => a.address);
    for (const host of ['::1', ...others]) {
      expect({ host, connected: await connects(host, server.port) }).toEqual({ host, connected: false });
    }
  });
});
