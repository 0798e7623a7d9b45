/**
 * A second program on the same database, for the restore and concurrency tests and the
 * reliability benchmark (benchReliability.ts). Run with `node --import tsx scripts/dbChild.ts`:
 *   hold DB [app|browser|cli]  open it as the app does, print `ready <pid>`, keep it open until
 *                              stdin closes (or the process is killed);
 *   hold-raw DB                open it with better-sqlite3 alone (WAL, no holder note), the
 *                              same way — a program that does not register;
 *   late DB NAME               print `opening`, open the database, save a village NAME, print
 *                              `saved <id>` (a program that opens while a restore is under way);
 *   save DB TAG [N]            a Session + dispatch saving villages TAG-1 … TAG-N (until stdin
 *                              closes when N is absent), printing `ok <name>` once each save is
 *                              acknowledged and `refused <code> <message>` for each refusal;
 *                              `done` at the end.
 */
import Database from 'better-sqlite3';
import { dispatch } from '../electron/app/dispatch';
import { Session } from '../electron/app/session';
import { makeContext } from '../electron/db/context';
import { programKinds, type ProgramKind } from '../electron/db/holders';
import { openDatabase } from '../electron/db/open';
import { createVillage } from '../electron/domains/villages/service';

function villageInput(name: string) {
  return {
    name,
    residentPopulation: 1200,
    servicePopulation: 1000,
    isCenterSeat: false,
    distanceKm: 3,
    altCoverage: 'none' as const,
    patrolVisitsPerMonth: 0,
    note: '',
  };
}

/** Resolves when stdin closes: the parent's way to say "close now". */
function untilStdinCloses(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('data', () => undefined);
    process.stdin.on('end', resolve);
    process.stdin.on('close', resolve);
  });
}

async function hold(file: string, kind: ProgramKind): Promise<void> {
  const { db } = await openDatabase(file, undefined, { kind });
  console.log(`ready ${process.pid}`);
  await untilStdinCloses();
  db.close();
}

async function holdRaw(file: string): Promise<void> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  console.log(`ready ${process.pid}`);
  await untilStdinCloses();
  db.close();
}

async function late(file: string, name: string): Promise<void> {
  console.log('opening');
  const { db } = await openDatabase(file);
  try {
    const v = createVillage(makeContext(db, '测试'), villageInput(name));
    console.log(`saved ${v.id}`);
  } finally {
    db.close();
  }
}

async function save(file: string, tag: string, count: number): Promise<void> {
  // Signed in as a local administrator of its own, as trusted in-process callers are
  // (Session.open's signInAs, app/signedIn.ts).
  const admin = { login: `writer-${tag}`, name: `写入程序 ${tag}`, role: 'admin' as const };
  const opts = { dbPath: file, shell: 'browser' as const, signInAs: admin };
  const session = await Session.open(opts);
  let stop = false;
  process.stdin.on('end', () => (stop = true));
  process.stdin.on('close', () => (stop = true));
  process.stdin.resume();
  for (let i = 1; i <= count && !stop; i++) {
    // A turn of the event loop per save, so that a closed stdin is noticed.
    await new Promise((r) => setImmediate(r));
    const name = `${tag}-${i}`;
    const r = await dispatch(session, 'villages.create', villageInput(name));
    // One line per outcome, written at once: the parent counts a save only once it reads `ok`.
    if (r.ok) process.stdout.write(`ok ${name}\n`);
    else process.stdout.write(`refused ${r.error.code} ${r.error.message.replace(/\s+/g, ' ')}\n`);
  }
  session.close();
  console.log('done');
  process.stdin.destroy();
}

const [mode, file, arg, n] = process.argv.slice(2);
if (!file) throw new Error('usage: dbChild.ts hold|hold-raw|late|save DB …');
if (mode === 'hold') await hold(file, (programKinds as readonly string[]).includes(arg ?? '') ? (arg as ProgramKind) : 'cli');
else if (mode === 'hold-raw') await holdRaw(file);
else if (mode === 'late') await late(file, arg ?? '迟到村');
else if (mode === 'save') await save(file, arg ?? 'w', n === undefined ? Infinity : Number(n));
else throw new Error(`unknown mode ${String(mode)}`);
