/**
 * Importing the clerk's own 乡村医生花名册 (issue 3, item 7). Each row is a person — matched by
 * 身份证号, so a person already on file is updated, never duplicated — with the certificate,
 * post and contract the row describes, each added only when not already held
 * (rosterRecords.ts). Saving goes through the people services (insertPerson,
 * applyPersonUpdate, insertRecord), so the 身份证号 check and the field history are exactly
 * those of the forms. What saveRecord would refuse (a second head, a post overlapping the
 * person's current one) is found while planning, so the preview lists it as a row error instead
 * of the commit failing; the commit, which plans again in its transaction, then writes without
 * checking it all once more, and logs the import in one audit row (commit.ts).
 */
import { parseIdCard, type IdCardResult } from '../../../../shared/rules/idCard';
import { personLabels } from '../../../../shared/schemas/people';
import { insertRecord } from '../records';
import { applyPersonUpdate, insertPerson } from '../write';
import { stmt } from '../../../db/stmt';
import type { Existing, FieldProblem, FieldValues, ImportKind, PlannedRow } from '../../../excel/import/types';
import { rosterFields } from './fields';
import { describeRecords, findClinic, otherHead, overlappingPost, plannedRecords, type ClinicMatch } from './records';
import { personKeys, personOf, rosterRow, type RosterValues } from './schema';
import { chineseDate } from '../../../../shared/format';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A row's 身份证号, parsed once per row: the plan asks keyOf twice, then toInput. */
const parsedIds = new WeakMap<FieldValues, IdCardResult>();
function idOf(values: FieldValues): IdCardResult {
  let id = parsedIds.get(values);
  if (!id) {
    id = parseIdCard(str(values.idNumber) ?? '');
    parsedIds.set(values, id);
  }
  return id;
}

/** The plan's memo key for the 身份证号 already on file (the memo lives for one plan, inside the commit's transaction). */
const ID_NUMBERS_ON_FILE = 'roster:idNumbersOnFile';

/** The contract's start and end: from 合同开始/合同结束, else from 合同起止 in one cell. */
function contractDates(values: FieldValues, problems: FieldProblem[]): { start?: string; end?: string } {
  const range = Array.isArray(values.contract) ? values.contract : undefined;
  if (range && range.length !== 2) problems.push({ key: 'contract', message: '应写出开始和结束两个日期，如 2023.06.01-2026.05.31' });
  const [from, to] = range && range.length === 2 ? range : [];
  return { start: str(values.contractStart) ?? from, end: str(values.contractEnd) ?? to };
}

/** 出生年月 without a day: compared with the 身份证号's month, then left to the 身份证号. */
function birthMonth(values: FieldValues, input: Record<string, unknown>, problems: FieldProblem[]): void {
  const typed = str(values.birthDate);
  if (!typed || typed.length === 10) return;
  delete input.birthDate;
  const id = parseIdCard(String(values.idNumber ?? ''));
  if (id.ok && id.info.birthDate.slice(0, 7) !== typed) {
    const [y, m] = id.info.birthDate.split('-');
    problems.push({ key: 'birthDate', message: `出生年月与身份证号不符（身份证号显示为 ${y}年${Number(m)}月）` });
  }
}

export const rosterKind: ImportKind<RosterValues> = {
  name: 'roster',
  title: '乡村医生花名册',
  entity: 'person',
  fields: rosterFields,
  schema: rosterRow,
  // Empty: the category's default is in the schema (rosterSchema.ts), which is cheaper.
  defaults: {},
  keyField: 'idNumber',

  keyOf(values) {
    const raw = str(values.idNumber);
    if (!raw) return undefined;
    // 15-digit and lower-case-x numbers match the 18-digit number on file.
    const id = idOf(values);
    return id.ok ? id.info.number : raw.toUpperCase();
  },

  findExisting(db, idNumber, _values, memo) {
    // Most roster rows are new people: one read of the numbers on file spares a query per such row.
    let onFile = memo.get(ID_NUMBERS_ON_FILE) as Set<string> | undefined;
    if (!onFile) {
      onFile = new Set(stmt(db, 'SELECT id_number FROM people').pluck().all() as string[]);
      memo.set(ID_NUMBERS_ON_FILE, onFile);
    }
    if (!onFile.has(idNumber)) return null;
    const sql = `SELECT id, name, id_number, sex, birth_date, phone, education, ethnicity, rural_work_start, category,
      head_extension_until, note FROM people WHERE id_number = ?`;
    const r = stmt(db, sql).get(idNumber) as Record<string, string | number | null> | undefined;
    if (!r) return null;
    return {
      id: Number(r.id),
      input: {
        name: r.name,
        idNumber: r.id_number,
        sex: r.sex,
        birthDate: r.birth_date,
        phone: r.phone,
        education: r.education,
        ethnicity: r.ethnicity,
        ruralWorkStart: r.rural_work_start,
        category: r.category,
        headExtensionUntil: r.head_extension_until,
        note: r.note,
      },
    };
  },

  toInput(db, values, today, memo) {
    const problems: FieldProblem[] = [];
    const { clinic, validUntil } = values;
    // Every value but the three read here, copied key by key: object rest (`...rest`) is ten
    // times slower on Node 20, and a roster may have 10,000 rows.
    const input: Record<string, unknown> = {};
    for (const k of Object.keys(values)) if (k !== 'clinic' && k !== 'contract' && k !== 'validUntil') input[k] = values[k];
    const id = idOf(values);
    if (id.ok) input.idNumber = id.info.number;
    birthMonth(values, input, problems);
    if (Array.isArray(validUntil)) input.validUntil = validUntil[validUntil.length - 1];

    const contract = contractDates(values, problems);
    if (contract.start) input.contractStart = contract.start;
    if (contract.end) input.contractEnd = contract.end;
    // A contract without a stated form is the township's labour contract (乡聘村用, S6).
    if (!input.employmentKind && (contract.start || contract.end)) input.employmentKind = 'township_hired';
    // Self-employed doctors have no contract: their employment runs from the start of their work.
    if (input.employmentKind === 'self_employed' && !contract.start && str(values.ruralWorkStart))
      input.contractStart = values.ruralWorkStart;
    if (input.category === undefined && input.employmentKind === 'dispatched') input.category = 'center_staff';
    if (input.category === undefined && input.employmentKind === 'county_hired') input.category = 'county_hired';

    if (typeof clinic === 'string') {
      // Hundreds of rows name the same clinic; one lookup per name and plan.
      const memoKey = `clinic:${clinic}`;
      let found = memo.get(memoKey) as ClinicMatch | undefined;
      if (!found) {
        found = findClinic(db, clinic, memo);
        memo.set(memoKey, found);
      }
      if (found.ok) {
        input.clinicId = found.id;
        input.clinicName = found.name;
        // Without a start of its own, the post dates from the contract when there is one; else
        // its start is unknown (起始日期不详) and it counts as held on every earlier date, so a
        // return for last month made right after the import still shows the doctor.
        const start = str(input.contractStart as unknown);
        if (input.postStart === undefined && start && start <= today) input.postStart = start;
      } else problems.push({ key: 'clinic', message: found.message });
    } else if (values.role !== undefined) {
      problems.push({ key: 'clinic', message: '填写了岗位，请同时填写所在村卫生室' });
    }
    return { input, problems };
  },

  describe(v) {
    return `${v.name}（${v.idNumber}）`;
  },

  changesOf(db, v, existing: Existing | null, today) {
    const person = personOf(v);
    const fields = existing
      ? personKeys.filter((k) => (existing.input[k] ?? null) !== (person[k] ?? null)).map((k) => personLabels[k])
      : [];
    return [...fields, ...describeRecords(plannedRecords(db, existing?.id ?? null, v, today), v.clinicName)];
  },

  /** What saveRecord would refuse, found before anything is written: C2 and overlapping posts. */
  checkPlan(db, rows: readonly PlannedRow<RosterValues>[], today) {
    const problems = new Map<number, FieldProblem[]>();
    const add = (row: number, p: FieldProblem) => problems.set(row, [...(problems.get(row) ?? []), p]);
    const headRow = new Map<number, number>();
    for (const r of rows) {
      const post = plannedRecords(db, r.existingId, r.values, today).assignment;
      if (!post) continue;
      if (r.existingId !== null) {
        const status = stmt(db, 'SELECT status, exit_date AS exitDate FROM people WHERE id = ?').get(r.existingId) as {
          status: string;
          exitDate: string | null;
        };
        if (status.status === 'exited') add(r.row, { key: 'clinic', message: `此人已于 ${status.exitDate ?? ''} 退出，不能再安排岗位` });
        const mine = overlappingPost(db, r.existingId, post.startDate);
        if (mine)
          add(r.row, {
            key: 'clinic',
            message: `此人目前在“${mine.clinic}”任${mine.role}（自 ${chineseDate(mine.startDate)}）；调动或改任岗位，请先在人员档案中结束原岗位`,
          });
      }
      if (post.role !== 'head') continue;
      const head = otherHead(db, post.clinicId, r.existingId, post.startDate);
      if (head)
        add(r.row, {
          key: 'role',
          message: `“${r.values.clinicName}”已有负责人${head}，一个卫生室只能有一名负责人（C2）；如需更换，请先在人员档案中结束其负责人岗位`,
        });
      const first = headRow.get(post.clinicId);
      if (first !== undefined)
        add(r.row, { key: 'role', message: `与第 ${first} 行同为“${r.values.clinicName}”的负责人，一个卫生室只能有一名负责人（C2）` });
      else headRow.set(post.clinicId, r.row);
    }
    return problems;
  },

  /**
   * Only called by commitImport, right after it planned every row in the same transaction: the
   * 身份证号 was looked up (and is unique in the file), the clinic found open, C2 and the
   * person's current post checked (checkPlan). So the services skip those checks and their
   * per-write audit rows (`imported`); the import's summary audit row names everyone created or
   * updated, and each person's history gets its lines as from the form.
   */
  save(ctx, v, existingId, today) {
    const records = plannedRecords(ctx.db, existingId, v, today);
    const person = personOf(v);
    let id = existingId;
    if (id === null) id = insertPerson(ctx, person, { imported: true });
    else applyPersonUpdate(ctx, id, person, { imported: true });
    for (const r of [records.qualification, records.employment, records.assignment]) if (r) insertRecord(ctx, id, r, { imported: true });
    return id;
  },
};
