/**
 * Reading an edition of the essential list laid out as the national list is: a title, a header
 * (序号, 品种名称, 英文名称, 剂型, 规格, 备注 — found by the import engine's header scoring), then
 * section rows (一、化学药品和生物制品 / （一）抗微生物药 / 中成药 …: one text across the row,
 * merged or not) and entry rows. A name merged down over several 剂型 rows reads as the same
 * name in each (the reader fills merged cells); a row with a 剂型 and no name continues the
 * entry above. The entries are data: nothing of them is known to the code.
 */
import { AppError } from '../../../db/errors';
import { findHeader } from '../../../excel/import/headers';
import type { SheetGrid } from '../../../excel/import/read';
import type { FieldDef } from '../../../excel/import/types';
import { cleanText } from '../../../../shared/text';

export const essentialListFields: readonly FieldDef[] = [
  { key: 'seq', label: '序号', synonyms: ['编号', '品种序号', '顺序号'], type: 'text' },
  {
    key: 'name',
    label: '品种名称',
    synonyms: ['药品名称', '通用名称', '中文名称', '名称', '品名', '药品品种'],
    type: 'text',
    requiredColumn: true,
  },
  { key: 'forms', label: '剂型', synonyms: ['剂型名称', '药品剂型'], type: 'text', requiredColumn: true },
  { key: 'spec', label: '规格', synonyms: ['药品规格', '规格（含量）'], type: 'text' },
  { key: 'section', label: '类别', synonyms: ['分类', '药品分类', '类别名称'], type: 'text' },
  { key: 'english', label: '英文名称', synonyms: ['英文名'], type: 'text' },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text' },
];

export interface ListFileEntry {
  row: number;
  section: string;
  seq: string;
  name: string;
  forms: string;
  spec: string;
}

export interface ListFile {
  sheetName: string;
  headerRow: number;
  /** The title above the header (国家基本药物目录（2018年版）), '' when there is none. */
  title: string;
  entries: ListFileEntry[];
  sections: string[];
  errors: { row: number; message: string }[];
}

const cellText = (v: unknown): string => (v === undefined || v === null ? '' : cleanText(String(v)));

const TOP = /^([一二三四五六七八九十]+[、.．]|第.+部分|化学药品|中成药|中药饮片)/;
const SUB = /^[（(][一二三四五六七八九十]+[)）]/;

export function readListFile(grid: SheetGrid): ListFile {
  const header = findHeader(grid.rows, essentialListFields, '基本药物目录');
  const col = new Map(header.columns.map((c) => [c.field, c.index]));
  const at = (cells: readonly unknown[], key: string): string => {
    const i = col.get(key);
    return i === undefined ? '' : cellText(cells[i]);
  };
  const title =
    grid.rows
      .filter((r) => r.number < header.row)
      .map((r) => r.cells.map(cellText).find((t) => t !== '') ?? '')
      .find((t) => /目录/.test(t)) ?? '';
  const out: ListFile = { sheetName: grid.sheetName, headerRow: header.row, title, entries: [], sections: [], errors: [] };
  let top = '';
  let sub = '';
  let last: ListFileEntry | undefined;
  for (const r of grid.rows) {
    if (r.number <= header.row) continue;
    const texts = [...new Set(r.cells.map(cellText).filter((t) => t !== ''))];
    if (texts.length === 0) continue;
    const only = texts.length === 1 ? (texts[0] ?? '') : '';
    // A section: one text across the row (merged, or outside the name column), not a number.
    const filled = r.cells.filter((c) => cellText(c) !== '').length;
    if (only !== '' && !/^\d+$/.test(only) && (TOP.test(only) || SUB.test(only) || filled > 1 || at(r.cells, 'name') === '')) {
      if (SUB.test(only)) sub = only;
      else {
        top = only;
        sub = '';
      }
      const path = sub ? `${top} / ${sub}` : top;
      if (!out.sections.includes(path)) out.sections.push(path);
      last = undefined;
      continue;
    }
    if (/^(注|说明|备注)[:：]/.test(texts[0] ?? '')) continue;
    const name = at(r.cells, 'name') || last?.name || '';
    const forms = at(r.cells, 'forms');
    if (name === '') {
      out.errors.push({ row: r.number, message: `第 ${r.number} 行：缺少“品种名称”（剂型“${forms}”不知属于哪个品种）` });
      continue;
    }
    if (forms === '' && at(r.cells, 'name') === '') continue;
    const section = at(r.cells, 'section') || (sub ? `${top} / ${sub}` : top);
    const entry = { row: r.number, section, seq: at(r.cells, 'seq') || last?.seq || '', name, forms, spec: at(r.cells, 'spec') };
    out.entries.push(entry);
    last = entry;
  }
  if (out.entries.length === 0) throw new AppError('VALIDATION', `工作表“${grid.sheetName}”中没有读到任何品种，请检查是否选错了文件`);
  return out;
}
