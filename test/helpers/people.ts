/**
 * Helpers for the people module's tests: sessions on a fixed clock (so every "today" is known),
 * valid 身份证号 built from a birth date and sex, and small townships made through the real
 * dispatcher (villages, clinics, people and their records), never by writing rows directly.
 */
import { afterEach, expect } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { checkCharacter } from '../../shared/rules/idCard';
import { addDays } from '../../shared/rules/dates';
import type { AppErrorBody } from '../../shared/envelope';
import type { AlertKind, AlertsOutput } from '../../shared/schemas/personOutput';
import { Session } from '../../electron/app/session';
import { call, callFails, clinic, expectChinese, village } from './calls';
import { dumpDb, TEST_ADMIN, tempDbPath } from './tempDb';

/** The day most people tests run on (a Monday in China Standard Time). */
export const TODAY = '2026-06-15';

const opened: Session[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) {
    try {
      s.close();
    } catch {
      // closed by the test already
    }
  }
});

/** A clock stuck at noon (China Standard Time) of an ISO day. */
export function clockAt(day: string): () => Date {
  const at = new Date(`${day}T04:00:00Z`);
  return () => new Date(at.getTime());
}

/** A browser-shell session whose "today" is `day`; closed after the current test. */
export async function openSessionAt(day: string = TODAY, dbPath: string = tempDbPath()): Promise<Session> {
  const s = await Session.open({ dbPath, shell: 'browser', now: clockAt(day), signInAs: TEST_ADMIN });
  opened.push(s);
  return s;
}

/** A session opened straight into the demo township, seeded with `day` as today. */
export async function openDemoAt(day: string = TODAY): Promise<Session> {
  const dbPath = tempDbPath();
  const s = await Session.open({
    dbPath,
    shell: 'browser',
    startInDemo: true,
    demoPath: dbPath.replace(/township\.sqlite$/, 'demo.sqlite'),
    now: clockAt(day),
  });
  opened.push(s);
  return s;
}

/** A valid 18-digit 身份证号 for a birth date and sex; `seq` (1…499) keeps numbers apart. */
export function idNumberFor(born: string, sex: 'M' | 'F', seq = 1, area = '410822'): string {
  const serial = String(seq * 2 + (sex === 'M' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `${area}${born.replace(/-/g, '')}${serial}`;
  return first17 + checkCharacter(first17);
}

export type PersonIn = Input<'people.create'>;
export type RecordIn = Input<'people.saveRecord'>['record'];
export type Person = Output<'people.get'>;

let seq = 0;

/** Input for people.create: a village doctor with a fresh valid 身份证号. */
export function personIn(name: string, born: string, sex: 'M' | 'F', over: Partial<PersonIn> = {}): PersonIn {
  seq = (seq % 490) + 1;
  return { name, idNumber: idNumberFor(born, sex, seq), category: 'village_doctor', ...over };
}

export async function addPerson(s: Session, name: string, born: string, sex: 'M' | 'F', over: Partial<PersonIn> = {}): Promise<Person> {
  return call(s, 'people.create', personIn(name, born, sex, over));
}

export async function save(s: Session, personId: number, record: RecordIn, id?: number): Promise<Person> {
  return call(s, 'people.saveRecord', id === undefined ? { personId, record } : { personId, id, record });
}

/** A village of `population` and a clinic hosted there; returns the clinic's id. */
export async function addClinic(s: Session, name: string, population: number, code: string): Promise<number> {
  const v = await call(s, 'villages.create', village({ name: `${name}村`, servicePopulation: population }));
  return (await call(s, 'clinics.create', clinic({ code, name: `${name}村卫生室`, headName: '', hostVillageIds: [v.id] }))).id;
}

export interface DoctorSpec {
  name: string;
  born: string;
  sex: 'M' | 'F';
  clinicId: number;
  head?: boolean;
  /** Default: an assistant physician certificate without end date. */
  qual?: RecordIn & { table: 'qualifications' };
  /** Two seven-day clinical-practice stints this year unless false. */
  trained?: boolean;
  over?: Partial<PersonIn>;
}

/** A village doctor in post since 2020, qualified and trained, unless told otherwise. */
export async function addDoctor(s: Session, d: DoctorSpec): Promise<Person> {
  const p = await addPerson(s, d.name, d.born, d.sex, d.over);
  await save(s, p.id, { table: 'assignments', clinicId: d.clinicId, role: d.head ? 'head' : 'doctor', startDate: '2020-03-01' });
  await save(s, p.id, d.qual ?? { table: 'qualifications', kind: 'assistant_physician', certNumber: `ZY${p.id}` });
  if (d.trained !== false) await addStints(s, p.id, TODAY.slice(0, 4), [7, 7]);
  return call(s, 'people.get', { id: p.id });
}

/** Clinical-practice stints of the given lengths, starting in March, May, July … of `year`. */
export async function addStints(
  s: Session,
  personId: number,
  year: string,
  days: number[],
  kind: 'clinical_practice' | 'training' = 'clinical_practice',
): Promise<void> {
  for (const [i, d] of days.entries()) {
    const start = `${year}-${String(3 + 2 * i).padStart(2, '0')}-02`;
    await save(s, personId, {
      table: 'trainings',
      kind,
      title: '临床进修',
      place: '卫生院',
      startDate: start,
      endDate: addDays(start, d - 1),
      days: d,
    });
  }
}

export async function alertsOn(s: Session, asOf: string = TODAY): Promise<AlertsOutput> {
  return call(s, 'alerts.list', { asOf });
}

/** The alerts of one kind, as "subject" strings, sorted. */
export function subjects(out: AlertsOutput, kind: AlertKind): string[] {
  return out.alerts
    .filter((a) => a.kind === kind)
    .map((a) => a.subject)
    .sort();
}

/** Calls an operation that must fail, checks the database is byte-for-byte the same and the message Chinese. */
export async function failsUnchanged(s: Session, op: string, input: unknown): Promise<AppErrorBody> {
  const before = dumpDb(s.db);
  const e = await callFails(s, op, input);
  expect(dumpDb(s.db)).toBe(before);
  expectChinese(e.message);
  return e;
}
