import os from 'node:os';
import path from 'node:path';

/**
 * Where the database lives: `--db FILE` wins, then the THD_DB environment variable, then
 * `township.sqlite` in the user's data folder (Electron's userData, or the platform's
 * application-data folder in browser mode).
 */
export function resolveDbPath(args: readonly string[], userDataDir?: string): string {
  const i = args.indexOf('--db');
  const fromArg = i >= 0 ? args[i + 1] : undefined;
  if (fromArg) return path.resolve(fromArg);
  if (process.env.THD_DB) return path.resolve(process.env.THD_DB);
  return path.join(userDataDir ?? defaultDataDir(), 'township.sqlite');
}

function defaultDataDir(): string {
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'township-health-desk');
  }
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'township-health-desk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'township-health-desk');
}

/**
 * The Electron window loads its pages from `app://desk/…`, a privileged scheme of our own
 * (main.ts), rather than file://: a file:// page shares its origin with every file on the disk,
 * while app://desk is one origin holding only the built renderer. The IPC check (ipc.ts)
 * accepts exactly this origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The file under `rootDir` an app:// URL names, or null when it names none: another scheme or
 * host, a path that cannot be decoded, or one that climbs out of `rootDir` (`..`, encoded
 * `%2e%2e%2f`, backslashes on Windows). `/` is index.html.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
  return file.startsWith(root + path.sep) ? file : null;
}
