import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { ServiceContext } from '../../db/context';
import { notFound } from '../../db/errors';
import { absenceDaysInYear } from '../../../shared/rules/people';
import { lastYearShortfall, trainingProgress, trainingProgressText, type TrainingProgress } from '../../../shared/rules/yearly';
import { trainingRuleOf } from '../../../shared/schemas/settings';
import { readSettings } from '../settings/service';
import { absencesOf, exitDecisionsOf, personExitTriggers } from './exitTriggers';
import { asOfToday, mapPerson, personSelect } from './list';

type Raw = Record<string, unknown>;
const str = (v: unknown) => String(v ?? '');
const maybe = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The whole file of one person (一人一档): record, qualifications, posts, contracts, training, leave, history. */
export function getPerson(ctx: ServiceContext, id: number): PersonDetail {
  const asOf = asOfToday(ctx);
  const db = ctx.db;
  const r = db.prepare(`SELECT ${personSelect} FROM people p WHERE p.id = @id`).get({ id, asOf }) as Raw | undefined;
  if (!r) throw notFound('人员');
  const all = (sql: string) => db.prepare(sql).all(id) as Raw[];
  const year = Number(asOf.slice(0, 4));
  const settings = readSettings(db);
  const trainings = all('SELECT * FROM trainings WHERE person_id = ? ORDER BY start_date, id').map((t) => ({
    id: Number(t.id),
    kind: str(t.kind) as 'clinical_practice' | 'training',
    title: str(t.title),
    place: str(t.place),
    startDate: str(t.start_date),
    endDate: str(t.end_date),
    days: Number(t.days),
  }));
  const leaves = all(`SELECT l.*, coalesce(s.name, '') AS stand_in_name FROM leaves l LEFT JOIN people s ON s.id = l.stand_in_id
                 WHERE l.person_id = ? ORDER BY l.start_date, l.id`);
  // rule S9a: done by today, planned after it; last year's shortfall until the end of March.
  const rule = trainingRuleOf(settings);
  const withText = (p: TrainingProgress) => ({ ...p, text: trainingProgressText(p) });
  const lastYear = lastYearShortfall(trainings, asOf, rule);
  // rule S11a: this year's absence up to today; every exit trigger reached, with what closed it.
  const absenceDays = absenceDaysInYear(absencesOf(db, id), year, asOf);
  const decisions = exitDecisionsOf(db, id);
  const exitDate = maybe(r.exit_date);
  return {
    ...mapPerson(asOf)(r),
    ethnicity: str(r.ethnicity),
    ruralWorkStart: maybe(r.rural_work_start),
    exitDate: maybe(r.exit_date),
    exitReason: str(r.exit_reason),
    exitNote: str(r.exit_note),
    headExtensionUntil: maybe(r.head_extension_until),
    note: str(r.note),
    qualifications: all('SELECT * FROM qualifications WHERE person_id = ? ORDER BY issued_on, id').map((q) => ({
      id: Number(q.id),
      kind: str(q.kind),
      certNumber: str(q.cert_number),
      scope: str(q.scope),
      issuedOn: maybe(q.issued_on),
      validUntil: maybe(q.valid_until),
      note: str(q.note),
    })),
    assignments: all(`SELECT a.*, c.name AS clinic_name FROM assignments a JOIN clinics c ON c.id = a.clinic_id
                      WHERE a.person_id = ? ORDER BY a.start_date, a.id`).map((a) => ({
      id: Number(a.id),
      clinicId: Number(a.clinic_id),
      clinicName: str(a.clinic_name),
      role: str(a.role),
      startDate: str(a.start_date),
      startUnknown: a.start_unknown === 1,
      endDate: maybe(a.end_date),
      note: str(a.note),
    })),
    employments: all('SELECT * FROM employments WHERE person_id = ? ORDER BY start_date, id').map((e) => ({
      id: Number(e.id),
      kind: str(e.kind),
      establishment: str(e.establishment),
      startDate: str(e.start_date),
      startUnknown: e.start_unknown === 1,
      endDate: maybe(e.end_date),
      pension: e.pension === 1,
      workInjury: e.work_injury === 1,
      liability: e.liability === 1,
      assessment: str(e.assessment),
      note: str(e.note),
    })),
    trainings,
    leaves: leaves.map((l) => ({
      id: Number(l.id),
      kind: str(l.kind),
      startDate: str(l.start_date),
      endDate: str(l.end_date),
      standInId: l.stand_in_id === null ? null : Number(l.stand_in_id),
      standInName: str(l.stand_in_name),
      approved: l.approved === 1,
      approver: str(l.approver),
      reason: str(l.reason),
    })),
    history: all('SELECT * FROM person_history WHERE person_id = ? ORDER BY at DESC, id DESC').map((h) => ({
      id: Number(h.id),
      at: str(h.at),
      actor: str(h.actor),
      field: str(h.field),
      oldValue: str(h.old_value),
      newValue: str(h.new_value),
    })),
    year: {
      year,
      training: withText(trainingProgress(trainings, year, asOf, rule)),
      lastYearTraining: lastYear && withText(lastYear),
      absenceDays,
      absenceLimit: settings.absenceExitDays,
    },
    exitTriggers: personExitTriggers(db, id, asOf, exitDate, settings.absenceExitDays, decisions),
    exitDecisions: decisions,
  };
}
