/**
 * The drug catalog's benchmark row (issue 10: "catalog import of 5,000 rows < 1.5 s"), run by
 * `npm run bench -- drugs` and in the full run: a 5,000-row platform export (title rows, per-pack
 * and per-unit prices, the mark in its spellings) written with exceljs, imported into a database
 * that already holds an edition of the essential list (so every drug is matched as it is saved):
 * read + check + commit, as `import drugs` does. Then the same file again with every tenth price
 * changed (a dated price each). Beside raw exceljs reading the same file, as a ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeContext } from '../electron/db/context';
import { openDatabase } from '../electron/db/open';
import { drugKind } from '../electron/domains/drugs/import/kind';
import { storeEdition } from '../electron/domains/drugs/essential/load';
import { commitImport } from '../electron/excel/import/commit';
import { planImport } from '../electron/excel/import/plan';
import { readSheetGrid } from '../electron/excel/import/read';
import { loadExcel } from '../electron/excel/load';

export const CATALOG_ROWS = 5_000;
const LIST_ENTRIES = 700;

export interface DrugBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const ms = (t0: number) => performance.now() - t0;
const FORMS = ['片', '胶囊', '颗粒', '缓释片', '注射液', '肠溶片'];
const MARKS = ['国基', '是', '★', '否', '', '基药'];

/** Names 品种0 … as the list's entries; drug i is entry (i mod 1,000) + a form, so most match and some do not. */
async function writeCatalog(file: string, bump: boolean): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('挂网目录');
  ws.addRow(['某省药品集中采购平台 挂网药品目录']).commit();
  ws.addRow(['导出时间：2026-12-01']).commit();
  ws.addRow([
    '药品编码',
    '通用名称',
    '商品名',
    '剂型',
    '规格',
    '包装单位',
    '生产企业',
    '最小包装价格',
    '最小制剂单位价格',
    '是否基药',
    '集采批次',
    '医保类别',
  ]).commit();
  for (let i = 0; i < CATALOG_ROWS; i++) {
    const form = FORMS[i % FORMS.length] ?? '片';
    const price = 500 + ((i * 37) % 9_000) + (bump && i % 10 === 0 ? 11 : 0);
    ws.addRow([
      `YP${String(i).padStart(6, '0')}`,
      `品种${i % 1_000}${form}`,
      i % 3 ? '' : `商品${i}`,
      form,
      `${(i % 50) + 1}mg*${(i % 4) * 12 + 12}`,
      '盒',
      `制药企业${i % 120}`,
      (price / 100).toFixed(2),
      (price / 2_400).toFixed(4),
      MARKS[i % MARKS.length],
      i % 7 === 0 ? `第${(i % 9) + 1}批` : '',
      i % 2 ? '甲类' : '乙类',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function benchDrugs(dir: string): Promise<DrugBenchRow[]> {
  const { db } = await openDatabase(path.join(dir, 'drugs.sqlite'));
  try {
    const ctx = makeContext(db, '基准测试');
    const entries = Array.from({ length: LIST_ENTRIES }, (_, i) => ({
      section: '化学药品和生物制品',
      seq: String(i + 1),
      name: `品种${i}`,
      forms: i % 2 ? '口服常释剂型' : '口服常释剂型、注射剂',
      spec: '',
    }));
    db.transaction(() => storeEdition(ctx, { name: '基准目录', effectiveOn: '2018-11-01', source: '基准测试' }, entries)).immediate();
    const file = path.join(dir, 'catalog.xlsx');
    await writeCatalog(file, false);
    const ExcelJS = await loadExcel();
    let t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const raw = ms(t0);
    t0 = performance.now();
    const grid = await readSheetGrid({ file });
    const read = ms(t0);
    t0 = performance.now();
    planImport(db, drugKind(), grid);
    const check = ms(t0);
    t0 = performance.now();
    const first = commitImport(ctx, drugKind(), grid);
    const commit = ms(t0);
    if (first.created !== CATALOG_ROWS) throw new Error(`catalog import created ${first.created} of ${CATALOG_ROWS}`);
    const total = read + commit;

    const again = path.join(dir, 'catalog2.xlsx');
    await writeCatalog(again, true);
    t0 = performance.now();
    const second = commitImport(ctx, drugKind('2026-12-15'), await readSheetGrid({ file: again }));
    const reimport = ms(t0);
    const doubtful = Number(db.prepare("SELECT count(*) FROM drug_essential WHERE status = 'doubtful'").pluck().get());
    return [
      {
        what: `(i) 导入 ${CATALOG_ROWS.toLocaleString('en-US')} 行平台药品目录：读取 + 检查 + 提交（含按 ${LIST_ENTRIES} 条基药目录判定）`,
        ours: `${total.toFixed(0)} ms（读 ${read.toFixed(0)} + 提交 ${commit.toFixed(0)}，其中检查约 ${check.toFixed(0)}），${(total / raw).toFixed(2)}× 原生`,
        raw: `${raw.toFixed(0)} ms（exceljs 仅读）`,
        target: '< 1.5 s',
        pass: total < 1_500,
      },
      {
        what: `(i) 其中：再导入同一目录，${second.updated} 种改价（另记价格）、${second.preview.unchanged.length} 种无变化；待核定 ${doubtful} 种`,
        ours: `${reimport.toFixed(0)} ms`,
        raw: '—',
        target: '—',
        pass: true,
      },
    ];
  } finally {
    db.close();
  }
}

/** `npm run bench -- drugs`: this row alone, printed; returns the number of rows that missed their target. */
export async function runDrugBench(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-drugs-'));
  try {
    const rows = await benchDrugs(dir);
    for (const r of rows) console.log(`${r.pass ? '达标' : '未达标'}  ${r.what}\n      本程序 ${r.ours}；原生 ${r.raw}；目标 ${r.target}`);
    return rows.filter((r) => !r.pass).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
