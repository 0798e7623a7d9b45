/**
 * Issue 9, point 1: a restore under a running program silently lost every later save. Now a
 * restore is refused while another process holds the database (named), the running app
 * restores through itself, and the swap never leaves the path without a whole database.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup';
import { holdersDirFor } from '../../electron/db/holders';
import { openDatabase } from '../../electron/db/open';
import { restoreDatabase, type RestoreStep } from '../../electron/db/restore';
import { dispatch } from '../../electron/app/dispatch';
import { call, callFails, village } from '../helpers/calls';
import { startDbChild, type DbChild } from '../helpers/children';
import { openSession, tempDbPath, withRawDb } from '../helpers/tempDb';
import { cli, cliOk } from '../cli/run';

function villageNames(file: string): string[] {
  return withRawDb(file, (db) => db.prepare('SELECT name FROM villages ORDER BY id').pluck().all() as string[]);
}

async function ourDatabase(file: string, ...names: string[]): Promise<string> {
  const { db } = await openDatabase(file);
  for (const name of names) {
    db.prepare(
      `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage,
         patrol_visits_per_month, created_at, updated_at) VALUES (?, 10, 10, 0, 1, 'none', 0, 'x', 'x')`,
    ).run(name);
  }
  db.close();
  return file;
}

/** The live database and a backup beside it, each with one village. */
async function pair(): Promise<{ file: string; backup: string }> {
  const file = await ourDatabase(tempDbPath(), '现在的村');
  const backup = await ourDatabase(path.join(path.dirname(file), 'backup.sqlite'), '备份里的村');
  return { file, backup };
}

const HEADER = 'SQLite format 3\0';

function header(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(16);
    fs.readSync(fd, b, 0, 16, 0);
    return b.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

describe('a restore while another program holds the database', () => {
  it('is refused for the CLI and for the running app, naming the holder; once it exits, it works', async () => {
    const { file, backup } = await pair();
    const holder = startDbChild('hold', file, 'browser');
    const pid = (await holder.waitFor(/^ready (\d+)/))[1];

    const r = cli('restore', '--db', file, '--from', backup);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`数据库正在被另一个程序使用（浏览器模式，进程 ${pid}，`);
    expect(r.stderr).toContain('请先关闭它再恢复');

    const s = await openSession(file);
    const e = await callFails(s, 'backups.restore', { file: backup });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`浏览器模式，进程 ${pid}`);
    // The refused restore reopened the unchanged file: the app goes on saving into it.
    await call(s, 'villages.create', village({ name: '之后的村' }));
    s.close();
    expect(villageNames(file)).toEqual(['现在的村', '之后的村']);

    expect(await holder.stop()).toBe(0);
    expect(cliOk('restore', '--db', file, '--from', backup)).toContain('已从');
    expect(villageNames(file)).toEqual(['备份里的村']);
    const logged = withRawDb(file, (db) => db.prepare("SELECT actor, summary FROM audit_log WHERE action = 'restore'").all()) as {
      actor: string;
      summary: string;
    }[];
    expect(logged).toHaveLength(1);
    expect(logged[0]?.actor).toMatch(/^本机命令行/);
    expect(logged[0]?.summary).toContain(`从备份恢复数据库：${backup}`);
    expect(logged[0]?.summary).toContain('恢复前的数据已另存为');
    expect(fs.existsSync(holdersDirFor(file))).toBe(false);
  });

  it('catches a program that left no note, by SQLite’s own lock', async () => {
    const { file, backup } = await pair();
    const holder = startDbChild('hold-raw', file);
    await holder.waitFor(/^ready/);
    const e = await restoreDatabase(file, backup).then(
      () => null,
      (x: unknown) => x as Error,
    );
    expect(e?.message).toContain('数据库正在被另一个程序使用（一个未登记的程序');
    expect(villageNames(file)).toEqual(['现在的村']);
    expect(listBackups(file)).toEqual([]);
    await holder.stop();
  });

  it('ignores and removes the note of a process that no longer runs (killed without closing)', async () => {
    const { file, backup } = await pair();
    const holder = startDbChild('hold', file, 'app');
    await holder.waitFor(/^ready/);
    holder.proc.kill('SIGKILL');
    await holder.exited;
    expect(fs.readdirSync(holdersDirFor(file))).toHaveLength(1);
    await restoreDatabase(file, backup);
    expect(villageNames(file)).toEqual(['备份里的村']);
    expect(fs.existsSync(holdersDirFor(file))).toBe(false);
  });
});

describe('the running app restores through itself', () => {
  it('closes, swaps, reopens: later saves land in the restored file; the audit names the backup and the safety copy', async () => {
    const file = tempDbPath();
    const s = await openSession(file);
    await call(s, 'villages.create', village({ name: '甲村' }));
    const made = await call(s, 'backups.create', {});
    await call(s, 'villages.create', village({ name: '乙村' }));

    const result = await call(s, 'backups.restore', { file: path.basename(made.file) });
    expect(result.restoredFrom).toBe(made.file);
    expect(result.backupAt).toBe(made.at);
    expect(villageNames(result.safetyCopy?.file ?? '')).toEqual(['甲村', '乙村']);
    expect((await call(s, 'villages.all', {})).map((v) => v.name)).toEqual(['甲村']);

    await call(s, 'villages.create', village({ name: '丙村' }));
    const audit = await call(s, 'audit.list', { limit: 5 });
    const row = audit.rows.find((a) => a.action === 'restore');
    expect(row?.summary).toContain(made.file);
    expect(row?.summary).toContain(result.safetyCopy?.file ?? '?');
    s.close();
    expect(villageNames(file)).toEqual(['甲村', '丙村']);
  });
});

describe('a call that arrives while the app restores', () => {
  it('is told so in Chinese, and the next one sees the restored data', async () => {
    const { file } = await pair();
    const s = await openSession(file);
    const made = await call(s, 'backups.create', {});
    await call(s, 'villages.create', village({ name: '乙村' }));
    const restoring = s.restore(made.file);
    // The handle is closed synchronously; the swap is still under way.
    const meanwhile = await dispatch(s, 'villages.all', {});
    await restoring;
    expect(meanwhile).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '正在从备份恢复数据库，请稍候几秒再试；刚才的操作没有进行' },
    });
    expect((await call(s, 'villages.all', {})).map((v) => v.name)).toEqual(['现在的村']);
  });
});

describe('the swap', () => {
  it('leaves a whole database at the path at every step, in order, with no -wal of the old file', async () => {
    const { file, backup } = await pair();
    const seen: string[] = [];
    const onStep = (step: RestoreStep) => {
      seen.push(`${step}:${header(file) === HEADER ? 'db' : 'NO DB'}`);
      if (step === 'merged' || step === 'renamed') expect(fs.existsSync(`${file}-wal`)).toBe(false);
    };
    await restoreDatabase(file, backup, { onStep });
    expect(seen).toEqual(['verified:db', 'copied:db', 'locked:db', 'kept:db', 'merged:db', 'renamed:db']);
  });

  it('another process polling the path meanwhile never finds it missing or holding anything else', async () => {
    const { file, backup } = await pair();
    const poll = `const fs = require('fs'); const f = process.argv[1]; let n = 0, miss = 0;
      process.stdin.on('end', () => { console.log(n + ' ' + miss); process.exit(0); }); process.stdin.resume();
      (function loop() { for (let i = 0; i < 100; i++) { n++; try { const fd = fs.openSync(f, 'r'); const b = Buffer.alloc(16);
        fs.readSync(fd, b, 0, 16, 0); fs.closeSync(fd); if (b.toString('latin1') !== ${JSON.stringify(HEADER)}) miss++; } catch { miss++; } }
        setImmediate(loop); })();`;
    const poller = spawn(process.execPath, ['-e', poll, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    poller.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    for (let i = 0; i < 8; i++) await restoreDatabase(file, i % 2 ? backup : (listBackups(file)[0]?.file ?? backup));
    poller.stdin.end();
    await new Promise((r) => poller.on('exit', r));
    const [polls, misses] = out.trim().split(' ').map(Number);
    expect(polls).toBeGreaterThan(100);
    expect(misses).toBe(0);
  });

  it('puts a -wal left by a killed program into the safety copy, never into the restored file', async () => {
    const { file, backup } = await pair();
    const writer = startDbChild('save', file, 'w');
    await writer.waitFor(/^ok w-20$/);
    writer.proc.kill('SIGKILL');
    await writer.exited;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const { safetyCopy } = await restoreDatabase(file, backup);
    expect(villageNames(file)).toEqual(['备份里的村']);
    expect(villageNames(safetyCopy?.file ?? '')).toContain('w-20');
  });

  it('a program that opens the file during the swap ends up in the restored file, not the replaced one', async () => {
    const { file, backup } = await pair();
    let late: DbChild | undefined;
    await restoreDatabase(file, backup, {
      onStep: async (step) => {
        if (step !== 'locked') return;
        // It gets the old file's descriptor, then waits for our exclusive lock.
        late = startDbChild('late', file, '迟到村');
        await late.waitFor(/^opening/);
        await new Promise((r) => setTimeout(r, 700));
      },
    });
    await late?.waitFor(/^saved/, 30_000);
    expect(await late?.exited).toBe(0);
    expect(villageNames(file)).toEqual(['备份里的村', '迟到村']);
  });
});

describe('stale bookkeeping', () => {
  it('a holder note of a pid that exited is not taken for a live holder', async () => {
    const { file, backup } = await pair();
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    fs.mkdirSync(holdersDirFor(file));
    fs.writeFileSync(
      path.join(holdersDirFor(file), `${gone}-dead.json`),
      JSON.stringify({ pid: gone, kind: 'app', startedAt: new Date().toISOString(), hostname: os.hostname(), procStart: null }),
    );
    await restoreDatabase(file, backup);
    expect(villageNames(file)).toEqual(['备份里的村']);
  });
});
