/**
 * The running app's state: which database is open (the real one or the demo, kept apart),
 * which shell serves it, and who is signed in (signedIn.ts). Both shells hold one Session and
 * hand it to the dispatcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, listBackups, verifyDatabaseFile } from '../db/backup';
import { auditRestore, restoreDatabase, restoringHandle, type RestoreResult } from '../db/restore';
import { integrityProblem, openDatabase, type Db } from '../db/open';
import { seedDemo, seedDemoAdditions } from '../demo/seed';
import { readSettings } from '../domains/settings/service';
import { makeContext, type ServiceContext } from '../db/context';
import type { SignedInUser } from '../../shared/schemas/accounts';
import { afterOpen, refreshContext, signInTrusted, type LocalAccount } from './signedIn';

interface SessionOptions {
  dbPath: string;
  shell: 'electron' | 'browser';
  /** Where the demo township lives; defaults to `demo.sqlite` beside the real file. */
  demoPath?: string;
  startInDemo?: boolean;
  now?: () => Date;
  /** Trusted in-process callers (tests, the benchmark): signed in as this local account, made if missing. */
  signInAs?: LocalAccount;
}

export class Session {
  ctx!: ServiceContext;
  dbPath!: string;
  isDemo = false;
  readonly realPath: string;
  readonly demoPath: string;
  readonly shell: 'electron' | 'browser';
  readonly now: () => Date;
  /** Who is signed in, as last checked (signedIn.ts); null: the sign-in page. */
  user: SignedInUser | null = null;
  lastActivity = 0;
  signedOutReason = '';
  /** Set when the open file fails its quick_check (run just after opening): every save is refused (admission.ts). */
  integrityError = '';
  /** Resolves when the check of the file opened last has run (tests, the benchmark). */
  integrityChecked: Promise<void> = Promise.resolve();

  private constructor(opts: SessionOptions) {
    this.realPath = opts.dbPath;
    this.demoPath = opts.demoPath ?? path.join(path.dirname(path.resolve(opts.dbPath)), 'demo.sqlite');
    this.shell = opts.shell;
    this.now = opts.now ?? (() => new Date());
  }

  static async open(opts: SessionOptions): Promise<Session> {
    const s = new Session(opts);
    await s.switchTo(opts.startInDemo ? 'demo' : 'real');
    if (opts.signInAs) signInTrusted(s, opts.signInAs);
    return s;
  }

  get db(): Db {
    return this.ctx.db;
  }

  /**
   * Opens the real or the demo database, creating and seeding the demo on first use. Nobody is
   * signed in afterwards unless the database signs someone in automatically, or the same file
   * is reopened (a restore) and the user's account is still active in it.
   */
  async switchTo(which: 'real' | 'demo'): Promise<void> {
    const target = which === 'demo' ? this.demoPath : this.realPath;
    const fresh = !fs.existsSync(target);
    const opened = await openDatabase(target, undefined, { kind: this.shell === 'electron' ? 'app' : 'browser', integrity: 'later' });
    if (which === 'demo' && fresh) seedDemo(makeContext(opened.db, '演示数据', this.now), { scale: 1 });
    else if (which === 'demo') seedDemoAdditions(makeContext(opened.db, '演示数据', this.now), opened.migratedFrom);
    const keep = target === this.dbPath ? this.user : null;
    this.ctx?.db.close();
    this.ctx = makeContext(opened.db, '未登录', this.now);
    this.dbPath = target;
    this.isDemo = which === 'demo';
    this.integrityError = '';
    if (!opened.integrityChecked) this.integrityChecked = this.checkIntegrityLater(opened.db, target);
    await this.dailyBackup();
    afterOpen(this, keep);
  }

  /**
   * The file's quick_check, left out of the open so the first page is not kept waiting for a
   * read of the whole file: it runs as soon as the event loop is free, before any clerk can
   * have saved anything, and a failure stops every later save with the restore's instructions.
   */
  private checkIntegrityLater(db: Db, file: string): Promise<void> {
    return new Promise((resolve) => {
      setTimeout(() => {
        if (this.ctx?.db === db && db.open) this.integrityError = integrityProblem(db, file) ?? '';
        resolve();
      }, 0);
    });
  }

  /** Keeps one automatic backup a day, taken at start, rotated by the `backupKeep` setting. */
  async dailyBackup(): Promise<void> {
    const last = listBackups(this.dbPath).find((b) => b.reason === 'daily');
    if (last && this.now().getTime() - new Date(last.at).getTime() < 24 * 3600_000) return;
    const hasData = Number(this.db.prepare('SELECT count(*) FROM audit_log').pluck().get()) > 0;
    if (hasData) await backupDatabase(this.db, this.dbPath, 'daily', readSettings(this.db).backupKeep, this.now());
  }

  /**
   * Restores the open database from a backup through the running app: our own handle is closed
   * (a restore refuses while anyone holds the file, us included), the file is swapped
   * (db/restore.ts) and the same database is reopened, so every later save lands in the
   * restored file. A refused restore reopens the unchanged file. The restore is recorded in
   * the restored file's audit trail, naming the backup and the safety copy.
   */
  async restore(from: string): Promise<RestoreResult> {
    verifyDatabaseFile(from);
    const which = this.isDemo ? 'demo' : 'real';
    this.ctx.db.close();
    this.ctx = { ...this.ctx, db: restoringHandle() };
    let result: RestoreResult;
    try {
      result = await restoreDatabase(this.dbPath, from);
    } finally {
      await this.switchTo(which);
    }
    auditRestore(this.ctx, from, result);
    return result;
  }

  /** The signed-in user's context again, after their account changed. */
  refreshActor(): void {
    refreshContext(this);
  }

  close(): void {
    this.ctx?.db.close();
  }
}
