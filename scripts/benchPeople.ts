/**
 * The people module's benchmark rows (issue 3, item 9), run by bench.ts on its large township:
 *   (d) a 10,000-row 乡村医生花名册 written with exceljs (valid 身份证号, the township's clinic
 *       names, every date form clerks type), then read, checked and committed as the CLI does
 *       (read + commitImport, which plans again inside its transaction) — target < 2 s;
 *   (e) computeAlerts on the township (seedDemo's ~3,600 people), p50 of several runs — < 100 ms.
 * Each beside the raw library doing the least the same work needs (exceljs reading the file;
 * better-sqlite3 reading the rows the alerts read).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { checkCharacter } from '../shared/rules/idCard';
import { todayIso } from '../shared/format';
import { makeContext } from '../electron/db/context';
import { openDatabase } from '../electron/db/open';
import { commitImport } from '../electron/excel/import/commit';
import { importKinds, readSheetGrid } from '../electron/app/importKinds';
import { planImport } from '../electron/excel/import/plan';
import { loadExcel } from '../electron/excel/load';
import { computeAlerts } from '../electron/domains/people/alerts';

export const ROSTER_ROWS = 10_000;
const ALERT_RUNS = 9;

export interface BenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const HEADER = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '出生日期',
  '联系电话',
  '学历',
  '执业类别',
  '证书编号',
  '发证日期',
  '所在村卫生室',
  '岗位',
  '聘用形式',
  '合同起止',
  '养老保险',
  '工伤保险',
  '医疗责任险',
  '从事村医工作时间',
];
const QUALS = ['乡村医生执业证书', '执业助理医师', '执业医师', '乡村全科执业助理医师'];
const EDUCATION = ['中专', '大专', '大学本科', '高中'];

/** Issue dates in every form a clerk types: dotted, slashed, Chinese, a month alone, a serial, a date cell. */
function issueDate(i: number): string | number | Date {
  switch (i % 6) {
    case 0:
      return '2019.05.01';
    case 1:
      return '2019/5/1';
    case 2:
      return '2019年5月1日';
    case 3:
      return 201905;
    case 4:
      return 43586;
    default:
      return new Date(Date.UTC(2019, 4, 1));
  }
}

/** A valid 身份证号 per row; area codes 5xxxxx, which the demo township never uses. */
function idNumber(i: number, born: string, male: boolean): string {
  const first17 = `5${String(i).padStart(5, '0')}${born.replace(/-/g, '')}${String(10 + (i % 40) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export async function writeRosterWorkbook(file: string, clinics: readonly string[]): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['河阳镇乡村医生花名册']).commit();
  ws.addRow(['填报单位：河阳镇中心卫生院']).commit();
  ws.addRow(HEADER).commit();
  for (let i = 0; i < ROSTER_ROWS; i++) {
    const male = i % 3 !== 0;
    const born = new Date(Date.UTC(1960, 0, 1) + ((i * 37) % 12_000) * 86_400_000).toISOString().slice(0, 10);
    ws.addRow([
      i + 1,
      `导入村医${i}`,
      male ? '男' : '女',
      idNumber(i, born, male),
      born.replace(/-/g, '.'),
      `139${String(i).padStart(8, '0')}`,
      EDUCATION[i % 4],
      QUALS[i % 4],
      `BK${String(i).padStart(6, '0')}`,
      issueDate(i),
      clinics[i % clinics.length],
      '村医',
      '乡聘村用',
      '2023.06.01-2026.05.31',
      '是',
      '√',
      i % 2 ? '是' : '否',
      '2010年3月1日',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** (e) first, on the township as built; then (d), which adds 10,000 people to it. */
export async function benchPeople(file: string, dir: string): Promise<BenchRow[]> {
  const { db } = await openDatabase(file);
  const rows: BenchRow[] = [];
  try {
    const asOf = todayIso();
    const people = Number(db.prepare('SELECT count(*) FROM people').pluck().get());
    const ours: number[] = [];
    for (let i = 0; i < ALERT_RUNS; i++) {
      const t0 = performance.now();
      computeAlerts(db, asOf);
      ours.push(ms(t0));
    }
    const raw = new Database(file, { readonly: true });
    const rawRuns: number[] = [];
    for (let i = 0; i < ALERT_RUNS; i++) {
      const t0 = performance.now();
      for (const t of ['people', 'qualifications', 'assignments', 'employments', 'trainings', 'leaves'])
        raw.prepare(`SELECT * FROM ${t}`).raw().all();
      rawRuns.push(ms(t0));
    }
    raw.close();
    const alerts = computeAlerts(db, asOf).alerts.length;
    const eRow: BenchRow = {
      what: `(e) 计算全部预警（${people} 人，${alerts} 条，p50）`,
      ours: fmt(median(ours)),
      raw: `${fmt(median(rawRuns))}（仅读表）`,
      target: '< 100 ms',
      pass: median(ours) < 100,
    };

    const clinics = db.prepare(`SELECT name FROM clinics WHERE status = 'open' ORDER BY code`).pluck().all() as string[];
    const xlsx = `${dir}/roster.xlsx`;
    await writeRosterWorkbook(xlsx, clinics);
    let t0 = performance.now();
    const ExcelJS = await loadExcel();
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(xlsx) as unknown as ArrayBuffer);
    const rawRead = ms(t0);
    const ctx = makeContext(db, '基准测试');
    t0 = performance.now();
    const grid = await readSheetGrid({ file: xlsx });
    const read = ms(t0);
    t0 = performance.now();
    const preview = planImport(db, importKinds.roster, grid, asOf);
    const check = ms(t0);
    if (preview.errors.length > 0)
      throw new Error(
        `roster preview has errors: ${preview.errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('; ')}`,
      );
    t0 = performance.now();
    const result = commitImport(ctx, importKinds.roster, grid);
    const commit = ms(t0);
    if (result.created !== ROSTER_ROWS) throw new Error(`roster import created ${result.created} of ${ROSTER_ROWS}`);
    const total = read + commit;
    rows.push({
      what: `(d) 导入 ${ROSTER_ROWS.toLocaleString('en-US')} 行花名册：读取 + 检查 + 提交`,
      ours: `${fmt(total)}（读 ${read.toFixed(0)} + 提交 ${commit.toFixed(0)}）`,
      raw: `${fmt(rawRead)}（exceljs 仅读）`,
      target: '< 2 s',
      pass: total < 2000,
    });
    rows.push({ what: '(d) 其中：预览（只检查，不写入）', ours: fmt(check), raw: '—', target: '—', pass: true });
    rows.push(eRow);
  } finally {
    db.close();
  }
  return rows;
}
