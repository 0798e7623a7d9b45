import type { ListQueryParsed, Page } from '../../../shared/schemas/common';
import type { PersonRow } from '../../../shared/schemas/personOutput';
import { ageOn } from '../../../shared/rules/idCard';
import { todayIso } from '../../../shared/format';
import { personalMask } from '../../../shared/masking';
import type { ServiceContext } from '../../db/context';
import { runList, type ListSource } from '../../db/listQuery';
import { currentAssignmentSql, currentEmploymentSql, highestQualificationSql } from './sql';

export const personSource: ListSource = {
  from: 'people p',
  defaultOrder: 'p.id',
  columns: {
    name: { sql: 'p.name', type: 'text', searchable: true },
    sex: { sql: 'p.sex', type: 'enum' },
    birthDate: { sql: 'p.birth_date', type: 'date' },
    // Sorting by age is sorting by birth date the other way round.
    age: { sql: "(0 - CAST(replace(p.birth_date, '-', '') AS INTEGER))", type: 'number' },
    idNumber: { sql: 'p.id_number', type: 'text', searchable: true },
    category: { sql: 'p.category', type: 'enum' },
    status: { sql: 'p.status', type: 'enum' },
    clinicName: { sql: currentAssignmentSql('p.id', 'clinic'), type: 'text', searchable: true },
    role: { sql: currentAssignmentSql('p.id', 'role'), type: 'enum' },
    highestQualification: { sql: highestQualificationSql('p.id'), type: 'enum' },
    employmentKind: { sql: currentEmploymentSql('p.id', 'kind'), type: 'enum' },
    contractEnd: { sql: currentEmploymentSql('p.id', 'end_date'), type: 'date' },
    phone: { sql: 'p.phone', type: 'text', searchable: true },
    education: { sql: 'p.education', type: 'enum' },
    updatedAt: { sql: 'p.updated_at', type: 'date' },
  },
};

/**
 * The list a role sees: for 只读 (masked personal fields) without the 身份证号 and phone columns,
 * so no search, filter or sort can find out what the masks hide (shared/masking.ts names them).
 */
const maskedPersonSource: ListSource = {
  ...personSource,
  columns: Object.fromEntries(Object.entries(personSource.columns).filter(([key]) => personalMask(key) === null)),
};
export function personSourceFor(ctx: ServiceContext): ListSource {
  return ctx.maskPersonal ? maskedPersonSource : personSource;
}

export const personSelect = `p.*,
  coalesce(${currentAssignmentSql('p.id', 'clinic')}, '') AS clinic_name,
  coalesce(${currentAssignmentSql('p.id', 'role')}, '') AS role,
  coalesce(${highestQualificationSql('p.id')}, '') AS highest_qualification,
  coalesce(${currentEmploymentSql('p.id', 'kind')}, '') AS employment_kind,
  ${currentEmploymentSql('p.id', 'end_date')} AS contract_end`;

export function mapPerson(asOf: string) {
  return (r: Record<string, unknown>): PersonRow => ({
    id: Number(r.id),
    name: String(r.name),
    sex: r.sex as PersonRow['sex'],
    birthDate: String(r.birth_date),
    age: ageOn(String(r.birth_date), asOf),
    idNumber: String(r.id_number),
    category: String(r.category),
    status: r.status as PersonRow['status'],
    clinicName: String(r.clinic_name ?? ''),
    role: String(r.role ?? ''),
    highestQualification: String(r.highest_qualification ?? ''),
    employmentKind: String(r.employment_kind ?? ''),
    contractEnd: (r.contract_end as string | null) ?? null,
    phone: String(r.phone),
    education: String(r.education),
    updatedAt: String(r.updated_at),
  });
}

export function asOfToday(ctx: ServiceContext): string {
  return todayIso(ctx.now());
}

export function listPeople(ctx: ServiceContext, q: ListQueryParsed): Page<PersonRow> {
  const asOf = asOfToday(ctx);
  return runList(ctx.db, personSourceFor(ctx), personSelect, q, mapPerson(asOf), { asOf });
}

/** Active people for pickers (stand-in on leave), with where they work today. */
export function personOptions(ctx: ServiceContext): { id: number; name: string; clinicName: string }[] {
  return ctx.db
    .prepare(
      `SELECT p.id, p.name, coalesce(${currentAssignmentSql('p.id', 'clinic')}, '') AS clinicName FROM people p WHERE p.status = 'active' ORDER BY p.name`,
    )
    .all({ asOf: asOfToday(ctx) }) as { id: number; name: string; clinicName: string }[];
}
