/**
 * The import framework's vocabulary. A *kind* (villages, clinics, later people and assets)
 * declares its columns and their synonyms, the zod schema of one row, how a row finds the
 * existing record it updates, and how a row is saved. The framework does the rest: find the
 * header, read and convert cells, check every row, and commit all rows or none.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../../db/context';
import type { Db } from '../../db/open';

/**
 * `month`: a day or a month alone ('2019-05' or '2019-05-01'), for 出生年月; `range`: one or two
 * ISO days in one cell (合同起止 2023.06.01-2026.05.31), as a string list; `code`: text made of
 * digits that Excel must not have stored as a number (身份证号); `money`: an amount as clerks type
 * it (¥12,300.00, 1.23万), as integer 分 (money.ts).
 */
export type FieldType = 'text' | 'code' | 'number' | 'bool' | 'date' | 'month' | 'range' | 'list' | 'enum' | 'money';

export interface FieldDef {
  /** Key in the row schema's input. */
  key: string;
  /** The column's usual Chinese name, shown in messages when the sheet lacks the column. */
  label: string;
  /**
   * Other names clerks give the column. Not the only names it is known by: a header is scored
   * against the label and these (headers.ts), so a variant (覆盖行政村 for 服务行政村) matches too.
   */
  synonyms: readonly string[];
  type: FieldType;
  /**
   * For `enum`: what a clerk may write → the stored value. A value's name in messages is the
   * key equal to it, else its first key. Variants are understood too (values.ts): width,
   * brackets, spaces, a suffix such as 证书 (乡村医生执业证), a bracketed qualifier.
   */
  choices?: Readonly<Record<string, string>>;
  /**
   * For `enum`: the enum field a bracketed qualifier sets when the row leaves it blank
   * (聘用形式 乡聘村用（编外） → 编制 编外); a qualifier contradicting that cell is an error.
   */
  qualifierField?: string;
  /**
   * For `text`: the field keeps line breaks (a note, kept in an Excel cell with Alt+Enter), as
   * its form's multi-line box does; any other text is one line, a break read as a space.
   */
  multiline?: boolean;
  /** For `money`: what a bare number in the column means (元 unless the column is in 万元). */
  moneyUnit?: 'yuan' | 'wan';
  /** The sheet must have this column (to create rows at all). */
  requiredColumn?: boolean;
  /** A new row must have a value here; an update keeps the old value when the cell is blank. */
  requiredValue?: boolean;
  /**
   * Schema keys this column stands for when the sheet has no column of their own (合同起止
   * covers the contract's start and end), so their problems name this column.
   */
  covers?: readonly string[];
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
  /** The field a repeated key is reported on (its column is named); the row as a whole if absent. */
  keyField?: string;
  /**
   * Rows with the same key are distinct records, not a mistake (two identical chairs on a
   * ledger without numbers): the n-th such row matches the n-th such record.
   */
  repeatableKey?(values: FieldValues): boolean;
  /** What the preview should say in words about the sheet as a whole, from the fields its columns were matched to. */
  notices?(fields: ReadonlySet<string>): string[];
  /** The record a row's key names; `values` for kinds that fall back to another identity (a clinic's name when its code is new). */
  findExisting(db: Db, key: string, values: FieldValues, memo: Map<string, unknown>): Existing | null;
  /**
   * Field values → schema input, e.g. village names → ids; unknown names are problems. `today`
   * (ISO, China time) is the import's date, for kinds that date what they create. `memo` lives
   * for one plan, which only reads the database: a lookup many rows repeat (a clinic's name)
   * can be answered once. `reported`: the row's problems so far (unreadable cells), so a kind
   * does not report a cell it cannot read as missing too.
   */
  toInput(
    db: Db,
    values: FieldValues,
    today: string,
    memo: Map<string, unknown>,
    reported?: readonly FieldProblem[],
  ): { input: Record<string, unknown>; problems: FieldProblem[] };
  describe(values: V): string;
  /**
   * What saving the row would change, as labels; replaces the field-by-field comparison for
   * kinds that also create linked records (a person's certificate, post, contract). Called for
   * new rows too (`existing` null): what they bring besides the record itself.
   */
  changesOf?(db: Db, values: V, existing: Existing | null, today: string): string[];
  /** Checks across rows (one center seat per township …); by sheet row number. */
  checkPlan?(db: Db, rows: readonly PlannedRow<V>[], today: string): Map<number, FieldProblem[]>;
  /** Rows are saved in ascending order of this number (file order otherwise). */
  saveOrder?(values: V): number;
  /** Saves one row inside the caller's transaction; returns its id. */
  save(ctx: ServiceContext, values: V, existingId: number | null, today: string): number;
  /**
   * The kind as told what its sheet does not say (the month of a requisition); called by
   * electron/app/importKinds.ts once the options shared/schemas/import.ts `importKindOptions`
   * names for the kind are all given.
   */
  withOptions?(opts: ImportOptions): ImportKind<V>;
}

/** What the clerk tells an import besides the file (the page's pickers, the command line's options). */
export interface ImportOptions {
  /** 'YYYY-MM'. */
  month?: string;
}

/** The fields the sheet's columns were matched to, as the plan keeps them in its memo (see `sheetFields`). */
const SHEET_FIELDS = 'import:sheetFields';

export function rememberSheetFields(memo: Map<string, unknown>, fields: ReadonlySet<string>): void {
  memo.set(SHEET_FIELDS, fields);
}

/** Whether the sheet has a column for `key`: a kind tells a blank cell from a missing column. */
export function sheetHas(memo: Map<string, unknown>, key: string): boolean {
  const fields = memo.get(SHEET_FIELDS);
  return fields instanceof Set && fields.has(key);
}

export interface PlannedRow<V> {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  label: string;
  values: V;
  existingId: number | null;
  /** Labels of the fields an update changes. */
  changes: string[];
  /** How cells were understood (“聘用形式”：“乡聘村用（编外）”理解为“乡聘村用”，“编制”为“编外”); absent when every cell read as written. */
  notes?: string[];
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
  /** Other fields the header could as well have meant (their labels); the column is read as `label`. */
  alternatives?: string[];
  /** Why the header was read as this field when it does not name it outright (也可能是“服务人口”，按“户籍人口”读取). */
  note?: string;
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
  /** What the sheet as a whole means for the import, in words (没有存放单位列：全部记在卫生院本部). */
  notices: string[];
}
