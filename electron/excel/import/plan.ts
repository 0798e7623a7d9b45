/**
 * Turns the rows of a sheet into an import plan: which rows create a record, which update
 * one (matched by the kind's key: village name, clinic code), which change nothing, and which
 * are bad, each with its sheet row number and a Chinese reason naming the sheet's column.
 * Reads the database but never writes it.
 */
import { todayIso } from '../../../shared/format';
import type { Db } from '../../db/open';
import { convertCell } from './convert';
import { footerKind } from './footer';
import { findHeader, type GridRow } from './headers';
import type { SheetGrid } from './read';
import {
  rememberSheetFields,
  type FieldProblem,
  type FieldValue,
  type FieldValues,
  type ImportKind,
  type ImportPreview,
  type PlannedRow,
  type RowError,
} from './types';

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v ?? null));
  return norm(a) === norm(b);
}

interface Context<V extends object> {
  db: Db;
  kind: ImportKind<V>;
  today: string;
  memo: Map<string, unknown>;
  headerOf: Map<string, string>;
  labelOf: Map<string, string>;
}

/** The column a problem belongs to: the sheet's own header, else the field's usual name. */
function columnOf(c: Pick<Context<object>, 'headerOf' | 'labelOf'>, key: string): string | undefined {
  return c.headerOf.get(key) ?? c.labelOf.get(key);
}

/** Every problem of a row as one message naming the sheet's columns. */
function rowError(c: Pick<Context<object>, 'headerOf' | 'labelOf'>, row: number, problems: FieldProblem[]): RowError {
  const columns = [...new Set(problems.map((p) => columnOf(c, p.key) ?? '').filter(Boolean))];
  const parts = problems.map((p) => {
    const column = columnOf(c, p.key);
    return column ? `“${column}”：${p.message}` : p.message;
  });
  return { row, columns, message: `第 ${row} 行：${[...new Set(parts)].join('；')}` };
}

/** Field key → the sheet's header text, including the keys a column covers (合同起止 → start, end). */
function headersOf(kind: ImportKind<object>, matched: readonly { field: string; header: string }[]): Map<string, string> {
  const headerOf = new Map(matched.map((m) => [m.field, m.header]));
  for (const m of matched) {
    for (const k of kind.fields.find((f) => f.key === m.field)?.covers ?? []) if (!headerOf.has(k)) headerOf.set(k, m.header);
  }
  return headerOf;
}

function planRow<V extends object>(
  c: Context<V>,
  row: GridRow,
  values: FieldValues,
  problems: FieldProblem[],
  key: string | undefined,
): PlannedRow<V> | null {
  const { kind, db } = c;
  const existing = key ? kind.findExisting(db, key, values, c.memo) : null;
  if (!existing) {
    for (const f of kind.fields) {
      const reported = problems.some((p) => p.key === f.key);
      if (f.requiredValue && values[f.key] === undefined && !reported) problems.push({ key: f.key, message: '新增时必须填写' });
    }
  }
  const converted = kind.toInput(db, values, c.today, c.memo, problems);
  problems.push(...converted.problems);
  const parsed = kind.schema.safeParse({ ...(existing?.input ?? kind.defaults), ...converted.input });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // A value already reported as unreadable would only repeat here as "wrong type"; compared
      // by column, since one column (合同起止) may stand for several keys.
      const column = columnOf(c, field) ?? field;
      if (!problems.some((p) => (columnOf(c, p.key) ?? p.key) === column)) problems.push({ key: field, message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return null;
  const changes = kind.changesOf
    ? kind.changesOf(db, parsed.data, existing, c.today)
    : existing
      ? kind.fields
          .filter((f) => f.key in converted.input && !sameValue(existing.input[f.key], (parsed.data as Record<string, unknown>)[f.key]))
          .map((f) => f.label)
      : [];
  return { row: row.number, label: kind.describe(parsed.data), values: parsed.data, existingId: existing?.id ?? null, changes };
}

/** A value one cell carries for another field (乡聘村用（编外） → 编制 编外). */
interface Carried {
  from: string;
  key: string;
  value: FieldValue;
  /** The cell as written, for a message. */
  written: string;
}

/**
 * Sets what cells carry for other fields where the row leaves those blank; a carried value
 * contradicting the field's own cell is a problem of the cell that carried it.
 */
function applyCarried(
  c: Pick<Context<object>, 'headerOf' | 'labelOf'>,
  values: FieldValues,
  problems: FieldProblem[],
  carried: readonly Carried[],
): void {
  for (const a of carried) {
    if (problems.some((p) => p.key === a.key)) continue;
    const own = values[a.key];
    if (own === undefined) values[a.key] = a.value;
    else if (own !== a.value) {
      problems.push({ key: a.from, message: `“${a.written}”与“${columnOf(c, a.key) ?? a.key}”列填写的不一致，请只在一处填写或改为一致` });
    }
  }
}

/** `today` (ISO, China time) dates what the kind creates; the commit passes its clock's day. */
export function planImport<V extends object>(db: Db, kind: ImportKind<V>, grid: SheetGrid, today: string = todayIso()): ImportPreview<V> {
  const header = findHeader(grid.rows, kind.fields, kind.title);
  const c: Context<V> = {
    db,
    kind,
    today,
    memo: new Map(),
    headerOf: headersOf(kind as ImportKind<object>, header.columns),
    labelOf: new Map(kind.fields.map((f) => [f.key, f.label])),
  };
  // Looked up once per column, not once per cell: a roster may have 10,000 rows.
  const readers = header.columns.map((m) => ({ m, field: kind.fields.find((f) => f.key === m.field) }));
  const sheetFields = new Set(header.columns.map((m) => m.field));
  rememberSheetFields(c.memo, sheetFields);
  const preview: ImportPreview<V> = {
    kind: kind.name,
    title: kind.title,
    sheetName: grid.sheetName,
    headerRow: header.row,
    columns: header.columns.map(({ column, header: h, field, label, alternatives, note }) => ({
      column,
      header: h,
      field,
      label,
      ...(alternatives ? { alternatives } : {}),
      ...(note ? { note } : {}),
    })),
    unknownColumns: header.unknown,
    create: [],
    update: [],
    unchanged: [],
    errors: [],
    skippedRows: 0,
    notices: kind.notices?.(sheetFields) ?? [],
  };
  const planned: PlannedRow<V>[] = [];
  const firstRowOfKey = new Map<string, number>();
  const repeats = new Map<string, number>();
  for (const [at, row] of grid.rows.entries()) {
    if (row.number <= header.row) continue;
    // 小计 rows are passed over; 合计, the signature line or notes end the table (footer.ts).
    const footer = footerKind(row.cells);
    if (footer === 'subtotal') {
      preview.skippedRows++;
      continue;
    }
    if (footer === 'end') {
      const below = grid.rows.slice(at + 1).filter((r) => r.cells.some((c) => c !== '' && c !== null && c !== undefined)).length;
      preview.skippedRows += 1 + below;
      if (below > 0)
        preview.notices.push(
          `第 ${row.number} 行“${String(row.cells.find((c) => c !== '') ?? '')}”是表格的结尾，其下 ${below} 行（签名、说明等）不是数据，未读入`,
        );
      break;
    }
    const values: FieldValues = {};
    const problems: FieldProblem[] = [];
    // How cells not written as their field expects were read, and values they carry for other fields.
    let notes: string[] | undefined;
    let carried: Carried[] | undefined;
    for (const { m, field } of readers) {
      const cell = row.cells[m.index] ?? '';
      const result = field ? convertCell(field, cell, kind.fields) : undefined;
      if (!result) continue;
      if (!result.ok) {
        problems.push({ key: m.field, message: result.reason });
        continue;
      }
      if (result.value !== undefined) values[m.field] = result.value;
      if (result.note) (notes ??= []).push(`“${m.header}”：${result.note}`);
      if (result.also) (carried ??= []).push({ from: m.field, ...result.also, written: String(cell) });
    }
    if (carried) applyCarried(c, values, problems, carried);
    if (Object.keys(values).length === 0 && problems.length === 0) {
      preview.skippedRows++;
      continue;
    }
    let key = kind.keyOf(values);
    if (key !== undefined && kind.repeatableKey?.(values)) {
      // The n-th row of a key stands for the n-th record of it.
      const n = (repeats.get(key) ?? 0) + 1;
      repeats.set(key, n);
      key = `${key}#${n}`;
    }
    const earlier = key === undefined ? undefined : firstRowOfKey.get(key);
    if (earlier !== undefined)
      problems.push({ key: kind.keyField ?? '', message: `与第 ${earlier} 行重复（${key}），同一条记录只能出现一次` });
    else if (key !== undefined) firstRowOfKey.set(key, row.number);
    const plan = planRow(c, row, values, problems, key);
    if (plan && notes) plan.notes = notes;
    if (plan) planned.push(plan);
    else preview.errors.push(rowError(c, row.number, problems));
  }
  const crossRow = kind.checkPlan?.(db, planned, today) ?? new Map<number, FieldProblem[]>();
  for (const p of planned) {
    const problems = crossRow.get(p.row);
    if (problems && problems.length > 0) preview.errors.push(rowError(c, p.row, problems));
    else if (p.existingId === null) preview.create.push(p);
    else if (p.changes.length > 0) preview.update.push(p);
    else preview.unchanged.push(p);
  }
  preview.errors.sort((a, b) => a.row - b.row);
  return preview;
}
