/**
 * Electron lifecycle: one window over the built renderer, with Electron's security checklist
 * applied (context isolation, sandbox, no Node in the page, CSP, no navigation, no new windows,
 * no permission grants). All work happens in the shared core through `ipc.ts`.
 *
 * Order matters: the app:// scheme must be declared privileged and the single-instance lock
 * taken before `ready`; the protocol handler, the IPC handler and the window come after it.
 */
import { app, BrowserWindow, dialog, protocol, session as electronSession, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from './app/session';
import { registerIpc } from './ipc';
import { APP_ORIGIN, APP_SCHEME, resolveAppFile, resolveDbPath } from './paths';
import { CONTENT_SECURITY_POLICY, MIME } from './web';

const here = path.dirname(fileURLToPath(import.meta.url));
// The window icon: beside app.asar in the package (electron-builder.yml extraResources), else resources/ in the checkout.
const windowIcon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(here, '..', '..', 'resources', 'icon.png');
const rendererDir = path.join(here, '..', 'renderer');

// standard: relative URLs and an origin of its own (app://desk); secure: treated like https.
// Deliberately not bypassCSP, and not corsEnabled — that would let pages of any other origin
// read app:// files with no Access-Control check; our own page's loads are same-origin anyway.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** Serves the built renderer at app://desk/ — only files under out/renderer, GET only. */
async function serveApp(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('不支持的请求方式', { status: 405 });
  const file = resolveAppFile(rendererDir, request.url);
  const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile())
    return new Response('找不到该文件', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(request.method === 'HEAD' ? null : await fs.promises.readFile(file), {
    headers: {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      // The same policy as the page's meta tag, also as a header, which covers every response.
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The navigation guards, on every web contents the app ever creates (windows, and webviews, refused). */
function guard(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function createWindow(session: Session): Promise<void> {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: '乡村卫生一体化管理',
    icon: windowIcon,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => session.close());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

function start(): void {
  // A second launch ends at once (below); the first brings its window to the front.
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents) => guard(contents));

  app.whenReady().then(async () => {
    electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
    electronSession.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, serveApp);
    try {
      const args = process.argv.slice(1);
      const session = await Session.open({
        // Same folder as the browser mode, so both shells open the same township.
        dbPath: resolveDbPath(args, path.join(app.getPath('appData'), 'township-health-desk')),
        shell: 'electron',
        startInDemo: args.includes('--demo'),
      });
      registerIpc(session, APP_ORIGIN);
      await createWindow(session);
    } catch (e) {
      dialog.showErrorBox('无法打开数据库', e instanceof Error ? e.message : String(e));
      app.quit();
    }
  });

  app.on('window-all-closed', () => app.quit());
}

// One running copy per user: two would open the same database file, and a restore in one would
// pull the file from under the other (issue 9). The second copy hands over to the first and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
