/**
 * Every alert the people rules imply, computed from the records as of a date, each with its
 * rule ID (S1 … S14). The home page counts them; the alerts page lists them. "This year" for
 * S9 and S11 is as S9a / S11a define it (shared/rules/yearly.ts): only what has happened by the
 * day counts, and an S11 exit trigger stays open until an exit or a decision (留用说明) closes it.
 */
import { chineseDate } from '../../../shared/format';
import { ageOn } from '../../../shared/rules/idCard';
import { agesReachedWithinOn, endsWithinOn, headOverAge, lacksWoman, shorterThanMonths } from '../../../shared/rules/people';
import {
  exitTriggers,
  exitTriggerText,
  lastYearShortfall,
  trainingAlertReason,
  trainingProgress,
  trainingProgressText,
  type TrainingProgressRule,
} from '../../../shared/rules/yearly';
import { hasValidQualification, mayExtendHeadship, meetsRatioTarget, qualificationLabels } from '../../../shared/rules/qualifications';
import { alertKindInfo, alertKinds, type AlertItem, type AlertKind, type AlertsOutput } from '../../../shared/schemas/personOutput';
import { trainingRuleOf, type Settings } from '../../../shared/schemas/settings';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/service';
import { loadAssessmentResults, loadOpenClinics, loadPeopleFacts, postOn, type PersonFacts } from './alertData';
import { s4Share } from './s4';
import { qualificationTrend } from './trend';

export function computeAlerts(db: Db, asOf: string, settings: Settings = readSettings(db)): AlertsOutput {
  const year = Number(asOf.slice(0, 4));
  const people = loadPeopleFacts(db, asOf);
  const active = people.filter((p) => p.status === 'active');
  const doctors = active.filter((p) => p.category === 'village_doctor');
  const alerts: AlertItem[] = [];
  const add = (kind: AlertKind, subject: string, detail: string, ids: { personId?: number; clinicId?: number } = {}) => {
    const info = alertKindInfo[kind];
    alerts.push({
      kind,
      rule: info.rule,
      level: info.level,
      personId: ids.personId ?? null,
      clinicId: ids.clinicId ?? null,
      subject,
      detail,
    });
  };

  // Each person's post on the day, found once: filtering every person for every clinic is clinics × people.
  const posts = new Map<number, PersonFacts['posts'][number]>();
  const byClinic = new Map<number, PersonFacts[]>();
  for (const p of people) {
    const post = postOn(p, asOf);
    if (!post) continue;
    posts.set(p.id, post);
    const list = byClinic.get(post.clinicId);
    if (list) list.push(p);
    else byClinic.set(post.clinicId, [p]);
  }
  for (const c of loadOpenClinics(db)) {
    // By post, not by status: an exit ends the posts on its date, and a past as-of date must see who was there.
    const here = byClinic.get(c.id) ?? [];
    if (here.length < c.requiredDoctors)
      add('staffing_short', c.name, `应配 ${c.requiredDoctors} 人，实有 ${here.length} 人`, { clinicId: c.id });
    if (lacksWoman(here.map((p) => p.sex)))
      add('no_woman', c.name, `${here.length} 名村医均为男性，宜配备至少 1 名女性`, { clinicId: c.id });
    if (here.length > 0 && !here.some((p) => posts.get(p.id)?.role === 'head'))
      add('no_head', c.name, '有在岗人员但没有负责人', { clinicId: c.id });
  }

  const rule = trainingRuleOf(settings);
  for (const p of doctors) {
    if (!hasValidQualification(p.quals, asOf))
      add('no_valid_qualification', p.name, p.quals.length ? '所持证书均已过期' : '未登记任何执业资格', { personId: p.id });
    trainingAlerts(p, year, asOf, rule, add);
  }

  // What is the same for everyone on the day is worked out once: the age cut-offs and the warning windows.
  const day: Day = {
    asOf,
    s: settings,
    agesReached: agesReachedWithinOn(asOf, [settings.pensionWarnAge, settings.headAgeLimit]),
    contractEnds: endsWithinOn(asOf, settings.contractWarnDays),
    certificateEnds: endsWithinOn(asOf, settings.certificateWarnDays),
  };
  const assessments = loadAssessmentResults(db, asOf, people); // P5: failed quarters ended by the day (issue 11)
  for (const p of active) personAlerts(p, posts.get(p.id), day, assessments.get(p.id) ?? [], add);

  // S4: one definition everywhere (s4.ts) — village doctors only, dispatched and county-hired staff left out.
  const ratio = s4Share(people, asOf);
  if (ratio.total > 0 && !meetsRatioTarget(ratio.ratio, settings.qualifiedRatioTarget)) {
    add(
      'ratio_below_target',
      '全乡镇',
      `执业（助理）医师 ${ratio.qualified}/${ratio.total}，占 ${(ratio.ratio * 100).toFixed(1)}%，目标 ${(settings.qualifiedRatioTarget * 100).toFixed(0)}%（${settings.qualifiedRatioTargetYear} 年）`,
    );
  }

  const counts: Record<string, number> = Object.fromEntries(alertKinds.map((k) => [k, 0]));
  for (const a of alerts) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return { asOf, alerts, counts, ratio: { ...ratio, target: settings.qualifiedRatioTarget, trend: qualificationTrend(people, asOf) } };
}

interface Day {
  asOf: string;
  s: Settings;
  agesReached: (birthDate: string) => number[];
  contractEnds: (endDate: string | null) => boolean;
  certificateEnds: (endDate: string | null) => boolean;
}

function personAlerts(
  p: PersonFacts,
  post: PersonFacts['posts'][number] | undefined,
  { asOf, s, agesReached, contractEnds, certificateEnds }: Day,
  assessments: { year: number; passed: boolean }[],
  add: (kind: AlertKind, subject: string, detail: string, ids?: { personId?: number }) => void,
): void {
  const ids = { personId: p.id };
  if (post?.role === 'head' && headOverAge(p.birthDate, asOf, s.headAgeLimit, p.headExtensionUntil, mayExtendHeadship(p.quals, asOf))) {
    add('head_over_age', p.name, `${ageOn(p.birthDate, asOf)} 岁，仍任负责人，未经县级批准延期`, ids);
  }
  for (const age of agesReached(p.birthDate)) {
    add(age === s.headAgeLimit ? 'age_65_soon' : 'age_60_soon', p.name, `出生于 ${chineseDate(p.birthDate)}，12 个月内年满 ${age} 岁`, ids);
  }
  for (const e of p.employments) {
    if (contractEnds(e.endDate)) add('contract_ending', p.name, `合同于 ${chineseDate(e.endDate)} 到期`, ids);
    // Running on the day: a dispatch or county-hired period entered ahead is not short yet (S7, S8).
    const current = e.startDate <= asOf && e.endDate !== null && e.endDate >= asOf;
    if (current && e.kind === 'dispatched' && shorterThanMonths(e.startDate, e.endDate, s.dispatchMinMonths)) {
      add('dispatch_short', p.name, `派驻 ${chineseDate(e.startDate)} 至 ${chineseDate(e.endDate)}，不足 ${s.dispatchMinMonths} 个月`, ids);
    }
    if (current && e.kind === 'county_hired' && shorterThanMonths(e.startDate, e.endDate, s.countyHiredMinMonths)) {
      add(
        'county_hired_short',
        p.name,
        `服务 ${chineseDate(e.startDate)} 至 ${chineseDate(e.endDate)}，不足 ${s.countyHiredMinMonths} 个月`,
        ids,
      );
    }
  }
  for (const q of p.quals) {
    if (certificateEnds(q.validUntil))
      add(
        'certificate_ending',
        p.name,
        `${qualificationLabels[q.kind]} ${q.certNumber} 于 ${chineseDate(q.validUntil)} 到期，请在到期前申请再注册`,
        ids,
      );
  }
  // rule S11a: every trigger reached by the day, this year's or an earlier one's, until an exit or a decision closes it.
  const facts = { absences: p.absences, absenceLimit: s.absenceExitDays, assessments, decisions: p.decisions, exitDate: p.exitDate };
  for (const t of exitTriggers(facts, asOf)) {
    if (t.state === 'open')
      add(t.rule === 'S11-absence' ? 'absence_exit' : 'assessment_exit', p.name, exitTriggerText(t, s.absenceExitDays), ids);
  }
}

/** rule S9a: this year's shortfall once it is an alert; last year's final shortfall until the end of March. */
function trainingAlerts(
  p: PersonFacts,
  year: number,
  asOf: string,
  rule: TrainingProgressRule,
  add: (kind: AlertKind, subject: string, detail: string, ids?: { personId?: number }) => void,
): void {
  const t = trainingProgress(p.trainings, year, asOf, rule);
  if (t.status === 'alert')
    add(
      'training_short',
      p.name,
      `${year} 年${trainingProgressText(t)}：${trainingAlertReason(t, rule.alertFromMonth)}（要求${t.needed}）`,
      { personId: p.id },
    );
  const last = lastYearShortfall(p.trainings, asOf, rule);
  if (last)
    add('training_short_last_year', p.name, `${last.year} 年未达标：${trainingProgressText(last)}（要求${last.needed}）`, {
      personId: p.id,
    });
}
