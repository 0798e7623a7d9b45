/** Runs the real command line in a child process, as an administrator would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', THD_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs and insists on success, showing stderr when it fails. */
export function cliOk(...args: string[]): string {
  const r = cli(...args);
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} → ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
