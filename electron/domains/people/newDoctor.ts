/**
 * 新增村医 in one step (issue 12, item 7): the person's file, the post at a clinic (C2: one head
 * at a time, the clinic open) and, when given, the contract — one transaction, all or nothing,
 * each part checked by the same code as when it is added on its own (insertPerson, insertRecord).
 * A refusal names the form's field by its path (person.idNumber, post.clinicId, contract.endDate).
 */
import type { z } from 'zod';
import type { newDoctorInput } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { ServiceContext } from '../../db/context';
import { AppError } from '../../db/errors';
import { getPerson } from './detail';
import { insertRecord } from './records';
import { insertPerson } from './write';

type NewDoctor = z.output<typeof newDoctorInput>;

/** The record's own field names as the one form names them. */
const postFields: Record<string, string> = { clinicId: 'post.clinicId', role: 'post.role', startDate: 'post.startDate' };
const contractFields: Record<string, string> = {
  kind: 'contract.kind',
  establishment: 'contract.establishment',
  startDate: 'contract.startDate',
  endDate: 'contract.endDate',
};

function renamed(e: unknown, names: Record<string, string> | ((f: string) => string)): unknown {
  if (!(e instanceof AppError)) return e;
  const rename = (f: string) => (typeof names === 'function' ? names(f) : (names[f] ?? f));
  const fields = e.extra.fields && Object.fromEntries(Object.entries(e.extra.fields).map(([k, v]) => [rename(k), v]));
  return new AppError(e.code, e.message, { ...e.extra, field: e.extra.field && rename(e.extra.field), fields });
}

function step<T>(names: Record<string, string> | ((f: string) => string), fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw renamed(e, names);
  }
}

export function createDoctor(ctx: ServiceContext, v: NewDoctor): PersonDetail {
  const id = ctx.db
    .transaction(() => {
      const personId = step(
        (f) => `person.${f}`,
        () => insertPerson(ctx, v.person),
      );
      step(postFields, () =>
        insertRecord(ctx, personId, {
          table: 'assignments',
          clinicId: v.post.clinicId,
          role: v.post.role,
          startDate: v.post.startDate,
          endDate: null,
          note: '',
          startUnknown: false,
        }),
      );
      const c = v.contract;
      if (c.kind !== '' && c.startDate) {
        step(contractFields, () =>
          insertRecord(ctx, personId, {
            table: 'employments',
            kind: c.kind as Exclude<typeof c.kind, ''>,
            establishment: c.establishment,
            startDate: c.startDate as string,
            endDate: c.endDate,
            pension: false,
            workInjury: false,
            liability: false,
            assessment: '',
            note: '',
            startUnknown: false,
          }),
        );
      }
      return personId;
    })
    .immediate();
  return getPerson(ctx, id);
}
