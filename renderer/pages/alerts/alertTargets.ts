/**
 * Where an alert takes the clerk (issue 12, item 7): a person's alert opens their file on the tab
 * holding what it is about; a clinic's alert opens that clinic. The S4 ratio is the township's.
 */
import type { AlertItem, AlertKind } from '../../../shared/schemas/personOutput';
import type { Route } from '../../router';
import { clinicRoute } from '../clinics/clinicLink';
import { personFileRoute, type PersonTab } from '../people/personLink';

export const alertTabs: Partial<Record<AlertKind, PersonTab>> = {
  no_valid_qualification: 'qualifications', // S3: add or renew a certificate
  certificate_ending: 'qualifications', // S14
  contract_ending: 'employments', // S6
  dispatch_short: 'employments', // S7
  county_hired_short: 'employments', // S8
  training_short: 'trainings', // S9
  training_short_last_year: 'trainings', // S9a
  absence_exit: 'leaves', // S11: the absences counted
  assessment_exit: 'decisions', // S11: exit, or a 留用说明
  head_over_age: 'basic', // S5: 负责人延期批准至 is on the basic form
  age_60_soon: 'basic',
  age_65_soon: 'basic',
};

export function alertRoute(a: AlertItem): Route | undefined {
  if (a.personId) return personFileRoute(a.personId, alertTabs[a.kind]);
  if (a.clinicId) return clinicRoute(a.clinicId);
  return undefined;
}
