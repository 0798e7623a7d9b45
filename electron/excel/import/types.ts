/**
 * The import framework's vocabulary. A *kind* (villages, clinics, later people and assets)
 * declares its columns and their synonyms, the zod schema of one row, how a row finds the
 * existing record it updates, and how a row is saved. The framework does the rest: find the
 * header, read and convert cells, check every row, and commit all rows or none.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../../core/context';
import type { Db } from '../../db/open';

export type FieldType = 'text' | 'number' | 'bool' | 'date' | 'list' | 'enum';

export interface FieldDef {
  /** Key in the row schema's input. */
  key: string;
  /** The column's usual Chinese name, shown in messages when the sheet lacks the column. */
  label: string;
  /** Other names clerks give the column; compared after normalising (see headers.ts). */
  synonyms: readonly string[];
  type: FieldType;
  /** For `enum`: what a clerk may write → the stored value. */
  choices?: Readonly<Record<string, string>>;
  /** The sheet must have this column (to create rows at all). */
  requiredColumn?: boolean;
  /** A new row must have a value here; an update keeps the old value when the cell is blank. */
  requiredValue?: boolean;
}

export type FieldValue = string | number | boolean | string[];
/** One sheet row's converted values, by field key; blank cells are absent. */
export type FieldValues = Partial<Record<string, FieldValue>>;

export interface FieldProblem {
  /** Field key; '' for a problem with the row as a whole. */
  key: string;
  message: string;
}

export interface Existing {
  id: number;
  /** The record's current values, shaped as the row schema's input. */
  input: Record<string, unknown>;
}

/** Methods (not function properties) so a kind of any row type fits `ImportKind<object>`. */
export interface ImportKind<V extends object> {
  name: string;
  /** 行政村, 村卫生室 … */
  title: string;
  /** Entity name in the audit log. */
  entity: string;
  fields: readonly FieldDef[];
  schema: z.ZodType<V>;
  /** Values for a new row's fields the sheet leaves out. */
  defaults: Readonly<Record<string, unknown>>;
  /** Identity within the file and in the database (village name, clinic code). */
  keyOf(values: FieldValues): string | undefined;
  findExisting(db: Db, key: string): Existing | null;
  /** Field values → schema input, e.g. village names → ids; unknown names are problems. */
  toInput(db: Db, values: FieldValues): { input: Record<string, unknown>; problems: FieldProblem[] };
  describe(values: V): string;
  /** Checks across rows (one center seat per township …); by sheet row number. */
  checkPlan?(db: Db, rows: readonly PlannedRow<V>[]): Map<number, FieldProblem[]>;
  /** Rows are saved in ascending order of this number (file order otherwise). */
  saveOrder?(values: V): number;
  /** Saves one row inside the caller's transaction; returns its id. */
  save(ctx: ServiceContext, values: V, existingId: number | null): number;
}

export interface PlannedRow<V> {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  label: string;
  values: V;
  existingId: number | null;
  /** Labels of the fields an update changes. */
  changes: string[];
}

export interface RowError {
  row: number;
  /** The sheet's own header text of each column at fault. */
  columns: string[];
  message: string;
}

export interface MatchedColumn {
  /** Column letter, A, B … */
  column: string;
  header: string;
  field: string;
  label: string;
}

export interface ImportPreview<V = object> {
  kind: string;
  title: string;
  sheetName: string;
  headerRow: number;
  columns: MatchedColumn[];
  unknownColumns: { column: string; header: string }[];
  create: PlannedRow<V>[];
  update: PlannedRow<V>[];
  unchanged: PlannedRow<V>[];
  errors: RowError[];
  /** Blank rows and footer rows (合计, 填报人 …) passed over. */
  skippedRows: number;
}
