/**
 * 一室一档 (issue 12 item 8): the file of one clinic as of a day — what a director reads before
 * visiting it. Each section calls the service of the domain that owns it (clinics, people
 * alerts, the asset ledger, drug stock, requisitions, supervision), filtered to the clinic, so
 * the figures are those of the lists and no rule is computed a second time here.
 */
import { todayIso } from '../../../shared/format';
import { monthsOfQuarter, quarterKey, quarterOf, type Quarter } from '../../../shared/rules/quarter';
import { qualificationLabels, type QualificationKind } from '../../../shared/rules/qualifications';
import { ageOn } from '../../../shared/rules/idCard';
import type { ClinicFile, FileDoctor } from '../../../shared/schemas/clinicFile';
import type { ServiceContext } from '../../db/context';
import type { Db } from '../../db/open';
import { stmt } from '../../db/stmt';
import { isHeld, ledgerAsOf } from '../assets/ledger';
import { listRequisitions, shareLimits } from '../drugs/requisitions/read';
import { stockBatches } from '../drugs/stock/list';
import { computeAlerts } from '../people/alerts';
import { highestQualificationSql, onDuty } from '../people/sql';
import { readSettings } from '../settings/service';
import { assessmentRuleOf, quarterRows } from '../supervision/quarters/results';
import { listMonth } from '../supervision/visits/read';
import { getClinic } from './service';

function villagesOf(db: Db, clinicId: number): ClinicFile['villages'] {
  return stmt(
    db,
    `SELECT v.id, v.name, cv.relation, v.resident_population AS residentPopulation, v.service_population AS servicePopulation
       FROM clinic_villages cv JOIN villages v ON v.id = cv.village_id
      WHERE cv.clinic_id = ? ORDER BY cv.relation = 'extension', v.name`,
  ).all(clinicId) as ClinicFile['villages'];
}

/** The people holding a post at the clinic on the day: the same rows the clinic list counts as 实有村医. */
function doctorsOf(db: Db, clinicId: number, asOf: string): FileDoctor[] {
  const rows = stmt(
    db,
    `SELECT p.id AS personId, p.name, p.sex, p.birth_date AS birthDate, min(a.role) AS role, min(a.start_date) AS since,
            ${highestQualificationSql('p.id')} AS qualification
       FROM assignments a JOIN people p ON p.id = a.person_id
      WHERE a.clinic_id = @clinic AND ${onDuty('a')}
      GROUP BY p.id ORDER BY min(a.role) <> 'head', min(a.start_date), p.id`,
  ).all({ clinic: clinicId, asOf }) as (Omit<FileDoctor, 'age' | 'qualification'> & { birthDate: string; qualification: string | null })[];
  return rows.map(({ birthDate, qualification, ...r }) => ({
    ...r,
    age: ageOn(birthDate, asOf),
    qualification: qualification ? (qualificationLabels[qualification as QualificationKind] ?? qualification) : '',
  }));
}

/** The alerts page's alerts (S1 … S14) about the clinic itself or about someone posted there. */
function alertsOf(db: Db, clinicId: number, asOf: string, doctors: FileDoctor[]): ClinicFile['alerts'] {
  const people = new Set(doctors.map((d) => d.personId));
  return computeAlerts(db, asOf).alerts.filter((a) => a.clinicId === clinicId || (a.personId !== null && people.has(a.personId)));
}

/** The asset ledger as of the day, the cards the clinic holds (在账 only, as the home page counts them). */
function assetsOf(db: Db, clinicId: number, asOf: string): ClinicFile['assets'] {
  const rows = ledgerAsOf(db, asOf).filter((r) => r.holderClinicId === clinicId && isHeld(r));
  const seen = rows.map((r) => r.lastStocktakeOn).filter((d): d is string => d !== null);
  return {
    rows,
    valueFen: rows.reduce((s, r) => s + r.valueFen, 0),
    bookValueFen: rows.reduce((s, r) => s + r.bookValueFen, 0),
    lastStocktakeOn: seen.length ? seen.reduce((a, b) => (a > b ? a : b)) : null,
  };
}

function stockOf(db: Db, clinicId: number, asOf: string): ClinicFile['stock'] {
  const nearExpiryDays = readSettings(db).nearExpiryDays;
  const batches = stockBatches(db, { place: clinicId, asOf, nearDays: nearExpiryDays });
  return {
    batches: batches.length,
    valueFen: batches.reduce((s, b) => s + b.amountFen, 0),
    attention: batches.filter((b) => b.expiry !== 'ok').sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)),
    nearExpiryDays,
  };
}

function requisitionOf(db: Db, clinicId: number, asOf: string): ClinicFile['requisition'] {
  const month = asOf.slice(0, 7);
  const limits = shareLimits(db);
  return { month, row: listRequisitions(db, month).find((r) => r.clinicId === clinicId) ?? null, ...limits };
}

/** The year's months up to the day's, each with its visit (or 未督导). */
function visitsOf(db: Db, clinicId: number, asOf: string): ClinicFile['visits'] {
  const year = asOf.slice(0, 4);
  const last = Number(asOf.slice(5, 7));
  const out: ClinicFile['visits'] = [];
  for (let m = 1; m <= last; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const row = listMonth(db, month).find((r) => r.clinicId === clinicId);
    if (row) out.push({ ...row, month });
  }
  return out;
}

/** P6 quarter scores of the year so far (the current quarter as it stands). */
function quartersOf(db: Db, clinicId: number, asOf: string, rule: ReturnType<typeof assessmentRuleOf>): ClinicFile['quarters'] {
  const current = quarterOf(asOf);
  const out: ClinicFile['quarters'] = [];
  for (let n = 1; n <= current.q; n++) {
    const q: Quarter = { year: current.year, q: n };
    if ((monthsOfQuarter(q)[0] ?? '') > asOf.slice(0, 7)) break;
    const row = quarterRows(db, q, rule).find((r) => r.clinicId === clinicId);
    if (row) out.push({ ...row, quarter: quarterKey(q) });
  }
  return out;
}

export function clinicFile(ctx: ServiceContext, id: number, asOf: string = todayIso(ctx.now())): ClinicFile {
  const clinic = getClinic(ctx, id);
  const { db } = ctx;
  const doctors = doctorsOf(db, id, asOf);
  const assessmentRule = assessmentRuleOf(readSettings(db));
  return {
    asOf,
    clinic,
    villages: villagesOf(db, id),
    doctors,
    alerts: alertsOf(db, id, asOf, doctors),
    assets: assetsOf(db, id, asOf),
    stock: stockOf(db, id, asOf),
    requisition: requisitionOf(db, id, asOf),
    visits: visitsOf(db, id, asOf),
    quarters: quartersOf(db, id, asOf, assessmentRule),
    assessmentRule,
  };
}
