// The Electron shell without the Electron binary: the BUILT main process and preload
// (out/electron/main.js, preload.cjs — what `npm run build` makes and electron-builder packs) run
// under plain Node in a child process, with `import 'electron'` resolved to a stub by a Node
// loader hook (test/fixtures/stub-electron: hooks.mjs is the whole trick, electron.ts the stub,
// drive.ts plays Electron's part and reports). What Chromium itself enforces — the sandbox, the
// CSP, the origin it computes — cannot be seen here; what our code asks of it can.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, resolveAppFile } from '../../electron/paths';
import type { DriveReport } from '../fixtures/stub-electron/report';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'stub-electron');
const built = ['out/electron/main.js', 'out/electron/preload.cjs', 'out/renderer/index.html'].map((f) => path.join(root, f));

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? fs.statSync(p).mtimeMs : 0);
  }
  return t;
}

/** Runs drive.ts in a fresh folder; returns its report and the folder. */
function drive(mode: 'first' | 'second'): { report: DriveReport; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `thd-shell-${mode}-`));
  const reportPath = path.join(dir, 'report.json');
  const args = ['--import', 'tsx/esm', '--import', path.join(fixture, 'register.mjs'), path.join(fixture, 'drive.ts')];
  const r = spawnSync(process.execPath, [...args, reportPath, mode, '--db', path.join(dir, 'township.sqlite')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, THD_DB: '' },
  });
  if (r.status !== 0 || !fs.existsSync(reportPath)) throw new Error(`drive.ts ${mode} → ${r.status}\n${r.stderr}\n${r.stdout}`);
  return { report: JSON.parse(fs.readFileSync(reportPath, 'utf8')) as DriveReport, dir };
}

let first: DriveReport;
let win: NonNullable<DriveReport['window']>;
let second: { report: DriveReport; dir: string };

beforeAll(() => {
  const missing = built.filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`先运行 npm run build（缺少 ${missing.join(', ')}）`);
  const builtAt = Math.min(...built.slice(0, 2).map((f) => fs.statSync(f).mtimeMs));
  const sourcesAt = Math.max(newest(path.join(root, 'electron')), newest(path.join(root, 'shared')));
  if (sourcesAt > builtAt) throw new Error('out/electron 比源代码旧：先运行 npm run build，再测试构建结果');
  first = drive('first').report;
  if (!first.window) throw new Error(`no window: ${first.log.join(' | ')}`);
  win = first.window;
  second = drive('second');
}, 120_000);

describe('startup order', () => {
  it('declares app:// privileged before ready and takes the single-instance lock before opening anything', () => {
    const at = (entry: string) => first.log.findIndex((l) => l.startsWith(entry));
    expect(first.log).toContain('registerSchemesAsPrivileged ready=false');
    expect(at('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(at('requestSingleInstanceLock')).toBeLessThan(at('ipcMain.handle'));
    expect(at('protocol.handle app')).toBeLessThan(at('loadURL'));
    expect(at('ipcMain.handle thd:invoke')).toBeLessThan(at('loadURL'));
    expect(first.log).not.toContain('quit');
    expect(first.log.filter((l) => l.startsWith('showErrorBox'))).toEqual([]);
  });

  it('registers exactly one scheme, app, as standard and secure, with no CSP bypass', () => {
    expect(first.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('a second launch (lock refused) quits without a window, an IPC handler or a database', () => {
    expect(second.report.log).toEqual(expect.arrayContaining(['requestSingleInstanceLock', 'quit']));
    expect(second.report.windows).toBe(0);
    expect(second.report.ipcChannels).toEqual([]);
    expect(second.report.log.some((l) => l.startsWith('protocol.handle') || l.startsWith('loadURL'))).toBe(false);
    expect(fs.readdirSync(second.dir)).toEqual(['report.json']);
  });

  it('the first instance, told of a second launch, restores its minimised window and focuses it', () => {
    expect(win.secondInstance).toEqual({ restored: 1, focused: 1, minimizedAfter: false });
  });
});

describe('the window', () => {
  it('has the security checklist in its webPreferences and a preload that exists', () => {
    expect(win.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.webPreferences).not.toHaveProperty('allowRunningInsecureContent');
    expect(win.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames');
    expect(win.webPreferences.preload).toBe(path.join(root, 'out', 'electron', 'preload.cjs'));
    expect(win.preloadExists).toBe(true);
    expect(first.log).toContain('enableSandbox');
  });

  it('loads the page from app://, not file://', () => {
    expect(win.loadedUrl).toBe(`${APP_ORIGIN}/index.html`);
    expect(first.log.some((l) => l.startsWith('loadFile'))).toBe(false);
  });

  it('refuses navigation, redirects, webviews, new windows and permission requests', () => {
    expect(win.prevented).toEqual({ willNavigate: true, willRedirect: true, willAttachWebview: true });
    expect(win.windowOpen).toEqual({ action: 'deny' });
    expect(win.permissionGranted).toBe(false);
    expect(win.permissionCheck).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  const served = (url: string) => win.served.find((s) => s.url === url)!;

  it('serves index.html with its CSP, and every file it links with the right MIME type', () => {
    const index = served('app://desk/index.html');
    expect(index).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect(index.body).toContain('http-equiv="Content-Security-Policy"');
    expect(index.csp).toContain("script-src 'self'");
    expect(index.csp).toContain("object-src 'none'");
    expect(served('app://desk/').status).toBe(200);
    const assets = win.served.filter((s) => /^app:\/\/desk\/assets\//.test(s.url));
    expect(assets.map((a) => path.extname(a.url)).sort()).toEqual(['.css', '.js']);
    for (const a of assets) {
      expect(a.status, a.url).toBe(200);
      expect(a.contentType, a.url).toBe(a.url.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
    }
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/..%5c..%5c..%5cetc%5cpasswd',
    'app://desk/index.html%00.png',
    'app://desk/%E0%A4%A',
    'app://desk/no-such-file.js',
    'app://evil/index.html',
    'app://desk.evil/index.html',
  ])('refuses %s with 404 and nothing from the disk', (url) => {
    const s = served(url);
    expect(s.status).toBe(404);
    expect(s.body).not.toMatch(/root:|<html/);
  });

  it('answers only GET and HEAD', () => {
    expect(served('POST app://desk/index.html').status).toBe(405);
  });
});

describe('IPC through the built preload', () => {
  it('the preload exposes exactly one function, thd.invoke', () => {
    expect(win.exposedKeys).toEqual(['thd.invoke']);
    expect(first.ipcChannels).toEqual(['thd:invoke']);
  });

  it('an invoke from the app page reaches the dispatcher and comes back as an envelope', () => {
    expect(win.invoke.appInfo).toMatchObject({ ok: true, value: { shell: 'electron', isDemo: false, appVersion: expect.any(String) } });
    expect(win.invoke.unknownOp).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OP' } });
    expect(win.invoke.unknownOp.error?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a sender from any other origin gets a Chinese refusal envelope, never a throw', () => {
    expect(win.foreignSenders.map((f) => f.sender)).toHaveLength(6);
    for (const { sender, reply } of win.foreignSenders) {
      expect(reply, sender).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(reply.error?.message, sender).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('resolveAppFile (the path guard of the app:// handler)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-appfile-'));
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  // A sibling whose name starts like the folder: a startsWith test without the separator would let it through.
  fs.mkdirSync(path.join(base, 'renderer-secret'));

  it('maps app://desk/ paths inside the folder', () => {
    expect(resolveAppFile(rendererDir, 'app://desk/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://desk/assets/a%20b.js?v=1#x')).toBe(path.join(rendererDir, 'assets', 'a b.js'));
  });

  it.each([
    'app://desk/..%2frenderer-secret%2fkey.txt',
    'app://desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://desk/a%00b',
    'app://desk/%ZZ',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });
});
