/**
 * Second programs on the same database (scripts/dbChild.ts) in child processes, read line by
 * line: a holder that keeps the file open, a program that opens late, writers that save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const running: DbChild[] = [];

export class DbChild {
  readonly lines: string[] = [];
  private readonly waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  readonly exited: Promise<number | null>;
  stderr = '';

  constructor(readonly proc: ChildProcess) {
    let buffered = '';
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) this.take(line);
    });
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  private take(line: string): void {
    this.lines.push(line);
    for (const w of [...this.waiters]) {
      const m = w.re.exec(line);
      if (m) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  }

  /** The first line (already read or still to come) that matches; fails after `ms`. */
  waitFor(re: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
    for (const line of this.lines) {
      const m = re.exec(line);
      if (m) return Promise.resolve(m);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${ms} ms; stderr: ${this.stderr}`)), ms);
      this.waiters.push({
        re,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Closes its stdin (a holder then closes the database and exits) and waits for the exit. */
  async stop(): Promise<number | null> {
    this.proc.stdin?.end();
    return this.exited;
  }
}

export function startDbChild(...args: string[]): DbChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'dbChild.ts'), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const child = new DbChild(proc);
  running.push(child);
  return child;
}

afterEach(async () => {
  for (const c of running.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) {
      c.proc.kill('SIGKILL');
      await c.exited;
    }
  }
});
