/**
 * Electron lifecycle: one window over the built renderer, with Electron's security checklist
 * applied (context isolation, sandbox, no Node in the page, CSP, no navigation, no new windows,
 * no permission grants). All work happens in the shared core through `ipc.ts`.
 */
import { app, BrowserWindow, dialog, session as electronSession } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Session } from './app/session';
import { registerIpc } from './ipc';
import { resolveDbPath } from './paths';

const here = path.dirname(fileURLToPath(import.meta.url));
// The window icon: beside app.asar in the package (electron-builder.yml extraResources), else resources/ in the checkout.
const windowIcon = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(here, '..', '..', 'resources', 'icon.png');
const rendererIndex = path.join(here, '..', 'renderer', 'index.html');
const appUrlPrefix = pathToFileURL(path.dirname(rendererIndex)).href;

app.enableSandbox();

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
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  await win.loadFile(rendererIndex);
  app.on('before-quit', () => session.close());
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(async () => {
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  electronSession.defaultSession.setPermissionCheckHandler(() => false);
  try {
    const args = process.argv.slice(1);
    const session = await Session.open({
      // Same folder as the browser mode, so both shells open the same township.
      dbPath: resolveDbPath(args, path.join(app.getPath('appData'), 'township-health-desk')),
      shell: 'electron',
      startInDemo: args.includes('--demo'),
    });
    registerIpc(session, appUrlPrefix);
    await createWindow(session);
  } catch (e) {
    dialog.showErrorBox('无法打开数据库', e instanceof Error ? e.message : String(e));
    app.quit();
  }
});

app.on('window-all-closed', () => app.quit());
