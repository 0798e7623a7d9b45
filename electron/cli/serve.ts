/** `serve`: the browser mode — the app over HTTP on 127.0.0.1, for machines without Electron. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from '../app/session';
import { AppError } from '../db/errors';
import { resolveDbPath } from '../paths';
import { startWebServer } from '../web';
import type { CliArgs } from './args';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The built renderer, whether we run from source (electron/cli) or from the bundle (out/electron). */
export function findRendererDir(explicit?: string): string {
  const candidates = [explicit, path.resolve(here, '..', '..', 'out', 'renderer'), path.resolve(here, '..', 'renderer')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'index.html'))) return c;
  throw new AppError('NOT_FOUND', '找不到界面文件（out/renderer），请先运行 npm run build');
}

/** Best effort: the clerk's default browser; the printed address is the fallback. */
function openInBrowser(url: string): void {
  const [cmd, ...rest] =
    process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : process.platform === 'darwin' ? ['open', url] : ['xdg-open', url];
  try {
    const child = spawn(cmd ?? 'xdg-open', rest, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher on this machine: the address above is enough.
  }
}

export async function cmdServe(args: CliArgs): Promise<string> {
  const argv = typeof args.values.db === 'string' ? ['--db', args.values.db] : [];
  const port = args.values.port === undefined ? 0 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('BAD_REQUEST', '--port 应为 0 到 65535 的整数');
  const staticDir = findRendererDir(typeof args.values.static === 'string' ? args.values.static : undefined);
  const session = await Session.open({ dbPath: resolveDbPath(argv), shell: 'browser', startInDemo: Boolean(args.values.demo) });
  const server = await startWebServer({ session, staticDir, port });
  const stop = () => {
    void server.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`浏览器模式已启动（本机未安装 Electron 时使用）。数据库：${session.dbPath}`);
  console.log(`请在浏览器中打开：${server.openUrl}`);
  console.log('按 Ctrl+C 退出。');
  if (args.values.open) openInBrowser(server.openUrl);
  return await new Promise<string>(() => undefined);
}
