/**
 * Loading an edition of the essential list (D8): `import essential-list FILE --effective DATE`
 * and the catalog page's 基本药物目录 tab. The preview says what the file holds and how the
 * catalog's drugs would come out (essential, not, doubtful with the reason); loading stores the
 * edition and its entries and works out every drug's status in it, in one transaction. An
 * edition with the same effective date is replaced (its entries; the clerk's own decisions on
 * drugs are kept).
 */
import { splitForms } from '../../../../shared/rules/dosageForms';
import { indexEntries, matchDrug, type PlatformMark } from '../../../../shared/rules/essentialMatch';
import type { EssentialListPreview } from '../../../../shared/schemas/drugs';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import type { SheetGrid } from '../../../excel/import/read';
import { applyEdition, forgetEditions } from './apply';
import { readListFile, type ListFile, type ListFileEntry } from './listFile';
import { chineseDate } from '../../../../shared/format';

export interface EditionOptions {
  effectiveOn: string;
  /** The edition's name; from the sheet's title, else from the date, when blank. */
  name?: string;
}

function editionName(file: ListFile, o: EditionOptions): string {
  return (o.name ?? '').trim() || file.title || `基本药物目录（${o.effectiveOn} 起执行）`;
}

function sameDate(db: Db, effectiveOn: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM essential_lists WHERE effective_on = ?').get(effectiveOn) as
    { id: number; name: string } | undefined;
}

const MAX_LISTED = 500;

export function previewEdition(db: Db, grid: SheetGrid, o: EditionOptions): EssentialListPreview {
  const file = readListFile(grid);
  const index = indexEntries(file.entries.map((e, i) => ({ id: i + 1, name: e.name, forms: splitForms(e.forms) })));
  const drugs = db.prepare('SELECT platform_code, generic_name, form, spec, platform_mark FROM drugs ORDER BY id').all() as {
    platform_code: string;
    generic_name: string;
    form: string;
    spec: string;
    platform_mark: PlatformMark;
  }[];
  let essential = 0;
  let notEssential = 0;
  const doubtful: EssentialListPreview['doubtful'] = [];
  for (const d of drugs) {
    const m = matchDrug({ genericName: d.generic_name, form: d.form, platformMark: d.platform_mark }, index);
    if (m.status === 'essential') essential++;
    else if (m.status === 'not_essential') notEssential++;
    else if (doubtful.length < MAX_LISTED) doubtful.push({ label: `${d.platform_code} ${d.generic_name} ${d.spec}`.trim(), note: m.note });
  }
  const replaced = sameDate(db, o.effectiveOn);
  const notices: string[] = [];
  if (drugs.length === 0) notices.push('目录中还没有药品：载入后，导入的药品会按此目录判定是否为基药');
  if (replaced) notices.push(`将替换已载入的“${replaced.name}”（同为 ${chineseDate(o.effectiveOn)} 起执行）；已人工核定的药品保持不变`);
  return {
    name: editionName(file, o),
    effectiveOn: o.effectiveOn,
    sheetName: file.sheetName,
    headerRow: file.headerRow,
    entries: file.entries.length,
    sections: file.sections,
    replaces: replaced?.name ?? null,
    errors: file.errors,
    essential,
    notEssential,
    doubtful,
    notices,
  };
}

/**
 * Stores an edition's entries (replacing those of an edition with the same date, the clerk's
 * own decisions kept) and works out every drug's status in it. Inside the caller's transaction.
 */
export function storeEdition(
  ctx: ServiceContext,
  e: { name: string; effectiveOn: string; source: string },
  entries: readonly Pick<ListFileEntry, 'section' | 'seq' | 'name' | 'forms' | 'spec'>[],
): number {
  const now = ctx.now().toISOString();
  const old = sameDate(ctx.db, e.effectiveOn);
  let listId: number;
  if (old) {
    listId = old.id;
    ctx.db.prepare("DELETE FROM drug_essential WHERE list_id = ? AND how <> 'manual'").run(listId);
    ctx.db.prepare('UPDATE drug_essential SET entry_id = NULL WHERE list_id = ?').run(listId);
    ctx.db.prepare('DELETE FROM essential_entries WHERE list_id = ?').run(listId);
    ctx.db.prepare('UPDATE essential_lists SET name = ?, source = ?, loaded_at = ? WHERE id = ?').run(e.name, e.source, now, listId);
  } else {
    listId = Number(
      ctx.db
        .prepare('INSERT INTO essential_lists (name, effective_on, source, loaded_at) VALUES (?, ?, ?, ?)')
        .run(e.name, e.effectiveOn, e.source, now).lastInsertRowid,
    );
  }
  const insert = ctx.db.prepare('INSERT INTO essential_entries (list_id, section, seq, name, form_group, spec) VALUES (?, ?, ?, ?, ?, ?)');
  for (const x of entries) insert.run(listId, x.section, x.seq, x.name, x.forms, x.spec);
  forgetEditions(ctx.db);
  applyEdition(ctx, listId);
  return listId;
}

export function loadEdition(ctx: ServiceContext, grid: SheetGrid, o: EditionOptions): EssentialListPreview {
  return ctx.db
    .transaction(() => {
      const preview = previewEdition(ctx.db, grid, o);
      if (preview.errors.length > 0)
        throw new AppError(
          'VALIDATION',
          `基本药物目录中有 ${preview.errors.length} 行有错误，未载入。请改正后重新导入：\n${preview.errors.map((e) => e.message).join('\n')}`,
          { row: preview.errors[0]?.row },
        );
      const listId = storeEdition(ctx, { name: preview.name, effectiveOn: o.effectiveOn, source: grid.source }, readListFile(grid).entries);
      const old = preview.replaces !== null;
      audit(ctx, {
        action: 'import',
        entity: 'essential_list',
        entityId: listId,
        summary: `${old ? '重新载入' : '载入'}${preview.name}（${o.effectiveOn} 起执行，${preview.entries} 条，来自“${grid.source}”）：基药 ${preview.essential} 种，待核定 ${preview.doubtful.length} 种`,
      });
      return preview;
    })
    .immediate();
}
