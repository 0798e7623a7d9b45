/**
 * Who has a database open. Every process that opens one through `openDatabase` (the app
 * window, the browser mode, the command line) leaves a small note in `<db>-holders/` — its
 * pid, what kind of program it is, when it started, on which computer — and takes it away
 * when it closes the database. A restore reads the notes to refuse while anyone else holds
 * the file, and to say who. A process killed without closing leaves its note behind: a note
 * whose process no longer runs (or whose pid now belongs to another process, told apart by
 * the process's start tick on Linux) is stale, ignored and removed.
 *
 * The notes name the holders; the proof that nobody holds the file is SQLite's own lock,
 * taken by the restore itself (restore.ts), which also catches a holder that left no note.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRIVATE_FILE, privateDir } from './fileMode';

export const programKinds = ['app', 'browser', 'cli'] as const;
export type ProgramKind = (typeof programKinds)[number];

export const programKindLabels: Record<ProgramKind, string> = {
  app: '程序窗口',
  browser: '浏览器模式',
  cli: '命令行',
};

export interface Holder {
  pid: number;
  kind: ProgramKind;
  startedAt: string;
  hostname: string;
  /** The process's start tick (Linux, /proc/<pid>/stat field 22), to tell a reused pid. */
  procStart: string | null;
}

export function holdersDirFor(dbPath: string): string {
  return `${path.resolve(dbPath)}-holders`;
}

/** Notes this process still holds, removed on exit even when a handle was never closed. */
const ownNotes = new Set<string>();
let exitHook = false;

function procStart(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and brackets: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Leaves this process's note; the returned function takes it away (safe to call twice). */
export function registerHolder(dbPath: string, kind: ProgramKind, now: Date = new Date()): () => void {
  const dir = holdersDirFor(dbPath);
  const note: Holder = { pid: process.pid, kind, startedAt: now.toISOString(), hostname: os.hostname(), procStart: procStart(process.pid) };
  const file = path.join(dir, `${process.pid}-${randomUUID().slice(0, 8)}.json`);
  // Notes of killed programs go now, so they do not pile up beside a file opened every day.
  liveHolders(dbPath);
  // Written under another name and renamed, so a reader never sees half a note. A second
  // attempt covers another process removing the (then empty) folder between our two steps.
  for (let attempt = 0; ; attempt++) {
    try {
      privateDir(dir);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(note), { mode: PRIVATE_FILE });
      fs.renameSync(`${file}.tmp`, file);
      break;
    } catch (e) {
      if (attempt >= 2 || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  ownNotes.add(file);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const f of ownNotes) fs.rmSync(f, { force: true });
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    ownNotes.delete(file);
    fs.rmSync(file, { force: true });
    removeIfEmpty(dir);
  };
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty (someone else holds the file) or already gone.
  }
}

function isHolder(x: unknown): x is Holder {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  return (
    Number.isInteger(h.pid) &&
    typeof h.kind === 'string' &&
    (programKinds as readonly string[]).includes(h.kind) &&
    typeof h.startedAt === 'string' &&
    typeof h.hostname === 'string'
  );
}

/** Whether the process of a note on this computer still runs (and is the same process). */
function stillRuns(h: Holder): boolean {
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    // EPERM: it runs, as another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return h.procStart === null || procStart(h.pid) === null || procStart(h.pid) === h.procStart;
}

/**
 * Everyone who holds the database now, this process included. Stale notes are removed. A note
 * from another computer cannot be checked and counts as live (SQLite's WAL mode does not work
 * across computers anyway, so such a note is rare).
 */
export function liveHolders(dbPath: string): Holder[] {
  const dir = holdersDirFor(dbPath);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const live: Holder[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue; // Gone meanwhile, or not ours to judge.
    }
    if (!isHolder(parsed)) continue;
    if (parsed.hostname !== os.hostname() || stillRuns(parsed)) live.push(parsed);
    else fs.rmSync(file, { force: true });
  }
  removeIfEmpty(dir);
  return live.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

function clock(d: Date, now: Date): string {
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return d.toDateString() === now.toDateString() ? hm : `${d.getMonth() + 1}月${d.getDate()}日 ${hm}`;
}

/** 浏览器模式，进程 12345，10:02 起 — as the clerk needs it to find the program. */
export function describeHolder(h: Holder, now: Date = new Date()): string {
  const where = h.hostname === os.hostname() ? '' : `，在电脑 ${h.hostname} 上`;
  return `${programKindLabels[h.kind]}，进程 ${h.pid}，${clock(new Date(h.startedAt), now)} 起${where}`;
}
