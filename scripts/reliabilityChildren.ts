/**
 * The programs the reliability benchmark kills, run as the clerk's machine would run them:
 * the command line and scripts/dbChild.ts, bundled once with esbuild (as `npm run build`
 * bundles the CLI) so a round does not spend two seconds starting tsx. The bundles live in
 * node_modules/.cache, where the external packages (better-sqlite3, exceljs) resolve.
 */
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'node_modules', '.cache', 'thd-reliability');
export const cliBundle = path.join(outDir, 'cli.mjs');
export const childBundle = path.join(outDir, 'dbChild.mjs');

export async function bundleChildren(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron', 'better-sqlite3', 'exceljs'],
    logLevel: 'warning',
    entryPoints: { cli: path.join(root, 'electron', 'cli.ts'), dbChild: path.join(root, 'scripts', 'dbChild.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    banner: {
      js: "import { createRequire as __thdCreateRequire } from 'node:module'; const require = __thdCreateRequire(import.meta.url);",
    },
  });
}

/** A running child: its stdout lines (all of them, including those read after it died). */
export interface Run {
  proc: ChildProcess;
  lines: string[];
  stderr: () => string;
  /** Resolves once it has exited and its stdout is read to the end. */
  finished: Promise<void>;
  /** Resolves with the first line matching, or null when it ends without one. */
  waitFor: (re: RegExp) => Promise<string | null>;
}

export function run(command: string, args: string[]): Run {
  const proc = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string | null) => void }[] = [];
  let buffered = '';
  let err = '';
  const take = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => {
    buffered += c;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    parts.forEach(take);
  });
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  const stdoutEnded = new Promise<void>((resolve) => proc.stdout?.on('close', () => resolve()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  const finished = Promise.all([stdoutEnded, exited]).then(() => {
    if (buffered) take(buffered);
    for (const w of waiters.splice(0)) w.resolve(null);
  });
  return {
    proc,
    lines,
    stderr: () => err,
    finished,
    waitFor: (re) => {
      const seen = lines.find((l) => re.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ re, resolve }));
    },
  };
}

export const node = (bundle: string, args: string[]): Run => run(process.execPath, [bundle, ...args]);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Peak RSS of a child in MB: GNU time's "Maximum resident set size" when /usr/bin/time is
 * there, else the kernel's high-water mark (VmHWM) polled from /proc until the child exits.
 */
export async function peakRss(args: string[]): Promise<{ mb: number | null; code: number | null; stderr: string }> {
  if (fs.existsSync('/usr/bin/time')) {
    const r = run('/usr/bin/time', ['-v', process.execPath, ...args]);
    await r.finished;
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr())?.[1];
    const stderr = r.stderr().split('\n\tCommand being timed')[0] ?? '';
    return {
      mb: kb ? Number(kb) / 1024 : null,
      code: r.proc.exitCode,
      stderr: stderr.replace(/Command exited with non-zero status \d+\n?/, ''),
    };
  }
  const r = run(process.execPath, args);
  let kb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${r.proc.pid ?? 0}/status`, 'utf8'));
      kb = Math.max(kb, Number(m?.[1] ?? 0));
    } catch {
      // Gone, or no /proc on this system.
    }
  }, 10);
  await r.finished;
  clearInterval(poll);
  return { mb: kb > 0 ? kb / 1024 : null, code: r.proc.exitCode, stderr: r.stderr() };
}
