import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/app/session';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/web';
import { village } from '../helpers/calls';
import { envelope, rawRequest } from '../helpers/http';
import { dumpDb, openSessionForFile, tempDirForFile } from '../helpers/tempDb';
import fs from 'node:fs';
import path from 'node:path';

let session: Session;
let server: WebServer;
let baseline: string;

beforeAll(async () => {
  session = await openSessionForFile();
  const staticDir = tempDirForFile();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ session, staticDir });
  const made = await post('villages.create', village({ name: '原有村' }));
  expect(made.status).toBe(200);
  baseline = dumpDb(session.db);
});
afterAll(() => server.close());

function post(op: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: server.token }) {
  return fetch(`${server.url}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = envelope(await res.text());
  expect(body).toMatchObject({ ok: false, error: { code } });
  expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/);
  expect(dumpDb(session.db)).toBe(baseline);
  return body.error?.field ?? '';
}

describe('browser-mode API', () => {
  it('binds 127.0.0.1 and answers a proper call with the envelope', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.openUrl).toBe(`${server.url}?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
    const res = await post('app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(envelope(await res.text())).toMatchObject({ ok: true, value: { shell: 'browser', isDemo: false } });
  });

  it('accepts the localhost host name too', async () => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/villages.all',
      host: `localhost:${server.port}`,
      headers: { [TOKEN_HEADER]: server.token },
    });
    expect(res.status).toBe(200);
    expect(envelope(res.body)).toEqual({ ok: true, value: [{ id: 1, name: '原有村' }] });
  });

  it('refuses a call without the token with 401', async () => {
    await expectError(await post('villages.create', village({ name: '新村' }), {}), 401, 'UNAUTHORIZED');
  });

  it('refuses a wrong token, of the same or another length, with 401', async () => {
    const sameLength = server.token.replace(/./, (c) => (c === 'a' ? 'b' : 'a'));
    await expectError(await post('villages.create', village({ name: '新村' }), { [TOKEN_HEADER]: sameLength }), 401, 'UNAUTHORIZED');
    await expectError(await post('villages.create', village({ name: '新村' }), { [TOKEN_HEADER]: 'x' }), 401, 'UNAUTHORIZED');
  });

  it.each(['evil.example', `evil.example:PORT`, '127.0.0.1', `127.0.0.1.nip.io:PORT`, 'localhost', `[::1]:PORT`])(
    'refuses the Host header %j with 403, even with the right token',
    async (host) => {
      const res = await rawRequest({
        port: server.port,
        method: 'POST',
        path: '/api/villages.create',
        host: host.replace('PORT', String(server.port)),
        headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
        body: JSON.stringify(village({ name: '新村' })),
      });
      expect(res.status).toBe(403);
      expect(envelope(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(dumpDb(session.db)).toBe(baseline);
    },
  );

  it('refuses a request without any Host header', async () => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: '/api/villages.create',
      host: null,
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: JSON.stringify(village({ name: '新村' })),
    });
    expect([400, 403]).toContain(res.status);
    expect(dumpDb(session.db)).toBe(baseline);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    await expectError(await post('villages.create', '{"name": "新村",'), 400, 'BAD_REQUEST');
  });

  it('answers wrong types with a VALIDATION envelope naming the field', async () => {
    const field = await expectError(
      await post('villages.create', { ...village({ name: '新村' }), servicePopulation: 'lots' }),
      200,
      'VALIDATION',
    );
    expect(field).toBe('servicePopulation');
    await expectError(await post('villages.create', '"just a string"'), 200, 'VALIDATION');
    await expectError(await post('villages.create', 'null'), 200, 'VALIDATION');
    await expectError(await post('villages.update', { id: '1', values: village() }), 200, 'VALIDATION');
  });

  it('answers an unknown operation with UNKNOWN_OP, also for prototype names', async () => {
    await expectError(await post('villages.drop', {}), 200, 'UNKNOWN_OP');
    await expectError(await post('__proto__', {}), 200, 'UNKNOWN_OP');
    await expectError(await post('constructor', {}), 200, 'UNKNOWN_OP');
  });

  it('answers a 1 MB village name with a VALIDATION envelope', async () => {
    const field = await expectError(await post('villages.create', village({ name: 'x'.repeat(1024 * 1024) })), 200, 'VALIDATION');
    expect(field).toBe('name');
  });

  it('refuses a body over 4 MB with 413 TOO_LARGE', async () => {
    const body = JSON.stringify(village({ note: 'x'.repeat(4 * 1024 * 1024 + 10) }));
    await expectError(await post('villages.create', body), 413, 'TOO_LARGE');
  });

  it('refuses GET and other methods on the API with 405', async () => {
    await expectError(await fetch(`${server.url}api/app.info`, { headers: { [TOKEN_HEADER]: server.token } }), 405, 'BAD_REQUEST');
    await expectError(await fetch(`${server.url}api/`), 405, 'BAD_REQUEST');
    await expectError(await fetch(`${server.url}api/villages.create`, { method: 'PUT', body: '{}' }), 405, 'BAD_REQUEST');
    await expectError(await fetch(`${server.url}index.html`, { method: 'DELETE' }), 405, 'BAD_REQUEST');
  });

  it('after all the bad requests the database is as it was, and still works', async () => {
    expect(dumpDb(session.db)).toBe(baseline);
    const res = await post('villages.list', { search: '原有' });
    expect(envelope(await res.text())).toMatchObject({ ok: true, value: { total: 1 } });
  });
});
