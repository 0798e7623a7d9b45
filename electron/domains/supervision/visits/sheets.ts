/**
 * P8: the sheets of a month for printing as one batch — every clinic of the month (or one),
 * each with its visit; a blank sheet carries the template in force and no scores, to take on
 * the visit. A clinic with no visit prints blank too.
 */
import type { VisitForm } from '../../../../shared/schemas/visits';
import type { visitSheetsInput } from '../../../../shared/schemas/visits';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { getVisitForm, listMonth } from './read';

export function monthSheets(db: Db, v: z.output<typeof visitSheetsInput>): VisitForm[] {
  const clinics = listMonth(db, v.month).filter((c) => v.clinicId === undefined || c.clinicId === v.clinicId);
  return clinics.map((c) => {
    const form = getVisitForm(db, c.clinicId, v.month);
    return v.blank ? { ...form, visit: null } : form;
  });
}
