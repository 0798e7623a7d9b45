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
