/**
 * One row of the 花名册: the person (checked by the people module's own schema, so the
 * 身份证号 check digit and the agreement of 性别/出生日期 with it are the same as in the form),
 * plus the certificate, post and contract the row describes.
 */
import { z } from 'zod';
import { qualificationKinds } from '../../../../shared/rules/qualifications';
import { idSchema, text } from '../../../../shared/schemas/common';
import { employmentKinds, optionalDate, personInput } from '../../../../shared/schemas/people';
import { chineseDate } from '../../../../shared/format';

export type PersonValues = z.output<typeof personInput>;

/**
 * The person's own schema extended with the row's other columns: its fields and its refinement
 * (the 身份证号 rules) run once per row, exactly as in the form.
 */
const rosterShape = personInput.safeExtend({
  // A new row without 人员类别 is a village doctor. Here rather than in the kind's `defaults`:
  // the plan spreads those under every row's values, and on Node 20 spreading ~20 values onto
  // a non-empty object costs some 40 µs a row (onto an empty one, a few). An existing person's
  // row always has the category on file. (The cast: safeExtend's typing refuses a default on
  // a key the base has, though the output type is the same.)
  category: personInput.shape.category.default('village_doctor') as unknown as typeof personInput.shape.category,
  qualKind: z.enum(qualificationKinds).nullable().default(null),
  certNumber: text('证书编号', 40).default(''),
  scope: text('执业范围', 60).default(''),
  issuedOn: optionalDate.default(null),
  validUntil: optionalDate.default(null),
  clinicId: idSchema.nullable().default(null),
  clinicName: z.string().default(''),
  role: z.enum(['doctor', 'head']).default('doctor'),
  postStart: optionalDate.default(null),
  employmentKind: z.enum(employmentKinds).nullable().default(null),
  establishment: z.enum(['', 'spare', 'off']).default(''),
  contractStart: optionalDate.default(null),
  contractEnd: optionalDate.default(null),
  pension: z.boolean().default(false),
  workInjury: z.boolean().default(false),
  liability: z.boolean().default(false),
});

export type RosterValues = z.output<typeof rosterShape>;

/** The person's own fields, exactly what insertPerson and applyPersonUpdate take. */
export function personOf(v: RosterValues): PersonValues {
  return {
    name: v.name,
    idNumber: v.idNumber,
    sex: v.sex,
    birthDate: v.birthDate,
    phone: v.phone,
    education: v.education,
    ethnicity: v.ethnicity,
    ruralWorkStart: v.ruralWorkStart,
    category: v.category,
    headExtensionUntil: v.headExtensionUntil,
    note: v.note,
  };
}

export const personKeys = Object.keys(personInput.shape) as (keyof PersonValues)[];

function checkRow(v: RosterValues, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const hasCertificate = v.certNumber !== '' || v.scope !== '' || v.issuedOn !== null || v.validUntil !== null;
  if (v.qualKind === null && hasCertificate) issue('qualKind', '填写了证书信息，请同时填写执业类别（如 执业助理医师、乡村医生执业证书）');
  if (v.issuedOn && v.validUntil && v.validUntil < v.issuedOn)
    issue('validUntil', `有效期 ${chineseDate(v.validUntil)} 早于发证日期 ${chineseDate(v.issuedOn)}`);

  // A self-employed (个体) doctor has no contract: without a date the employment's start is unknown (起始日期不详).
  if (v.employmentKind !== null && v.employmentKind !== 'self_employed' && v.contractStart === null) {
    issue('contractStart', '填写了聘用形式，请同时填写合同开始日期（或“合同起止”）');
  }
  if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart)
    issue('contractEnd', `合同结束日期 ${v.contractEnd} 早于开始日期 ${v.contractStart}`);
  // Insurance is recorded on the contract (S6); without one it would be silently dropped.
  if (v.employmentKind === null && (v.pension || v.workInjury || v.liability))
    issue('employmentKind', '填写了保险情况，请同时填写聘用形式和合同起止');
}

export const rosterRow = rosterShape.superRefine(checkRow);
