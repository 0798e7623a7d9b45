/**
 * `npm run bench`: the performance targets of the foundation, measured on a large township
 * (the demo repeated 150 times: 2,700 villages, 2,100 clinics, plus 100,000 audit rows), each
 * beside the same work done with the raw library, with PASS/FAIL per target:
 *   (a) open + migration check, and "core ready" (+ first page of villages.list) < 150 ms;
 *   (b) first page of each list (people included) through the browser-mode HTTP API, p95 < 20 ms;
 *   (c) a 100,000 × 12 styled sheet through the county writer: ≥ 0.8 × raw exceljs rows/s,
 *       peak RSS < 300 MB. Each export runs in its own child process so peaks do not mix;
 *       three runs each, alternated, best time and highest peak reported;
 *   (d) importing a 10,000-row 乡村医生花名册 (read, check, commit) < 2 s, and
 *   (e) computing every people alert on the township's ~3,600 people < 100 ms (benchPeople.ts);
 *   (f)–(h) the asset ledger as of a date < 50 ms, one month's depreciation < 50 ms and ten
 *       years of months < 1 s on ≥ 8,000 cards and ≥ 40,000 movements (benchAssets.ts, its own
 *       township of that size).
 * `npm run bench -- drugs`: (i) the catalog import of 5,000 rows < 1.5 s (benchDrugs.ts, its own file).
 * `npm run bench -- delivery`: (j) FEFO delivery of a month, 35 clinics × 150 lines < 200 ms (benchDelivery.ts, its own file).
 * `npm run bench -- stock`: (k) a month's 进销存 for 35 clinics < 300 ms, (l) the stock page p95 < 20 ms (benchStock.ts).
 * `npm run bench -- supervision`: (m) a quarter's results < 50 ms, (n) the year's P5 check < 50 ms, (o) a visit's save p95 < 20 ms,
 *   (q) a month's 35 printed sheets to PDF in the browser mode < 10 s (benchSupervision.ts, benchPrint.ts).
 * `npm run bench -- pinyin`: (p) pinyin search and order on 100,000 villages, p95 < 20 ms (benchPinyin.ts).
 * Sub-commands `export-county FILE` and `export-raw FILE` are those child processes.
 * `npm run bench -- reliability [--rounds N] [--seconds S]` measures what the data survives
 * instead: kill -9 during imports and saves, two writers at once, import bombs (benchReliability.ts).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Style } from 'exceljs';
import { z } from 'zod';
import { listQuery, type ListQuery } from '../shared/schemas/common';
import { makeContext } from '../electron/db/context';
import { Session } from '../electron/app/session';
import { buildOrder, buildWhere, type ListSource } from '../electron/db/listQuery';
import { integrityProblem, openDatabase } from '../electron/db/open';
import { seedDemo } from '../electron/demo/seed';
import { styles } from '../electron/excel/countyStyle';
import type { CountyColumn } from '../electron/excel/countySheet';
import { writeCountyWorkbookFile } from '../electron/excel/countyWorkbook';
import { loadExcel } from '../electron/excel/load';
import { auditSelect, auditSource } from '../electron/domains/audit/service';
import { clinicSelect, clinicSource } from '../electron/domains/clinics/service';
import { listVillages, villageSelect, villageSource } from '../electron/domains/villages/service';
import { personSelect, personSource } from '../electron/domains/people/list';
import { todayIso } from '../shared/format';
import { TOKEN_HEADER, startWebServer } from '../electron/web';
import { benchAssets } from './benchAssets';
import { benchPeople, type BenchRow } from './benchPeople';
import { benchDrugs, runDrugBench } from './benchDrugs';
import { benchDelivery, runDeliveryBench } from './benchDelivery';
import { benchStock, runStockBench } from './benchStock';
import { benchSupervision, runSupervisionBench } from './benchSupervision';
import { benchPinyin, runPinyinBench } from './benchPinyin';
import { benchReliability } from './benchReliability';

const SCALE = 150;
const AUDIT_ROWS = 100_000;
const CALLS = 200;
const EXPORT_ROWS = 100_000;
const EXPORT_RUNS = 3;
const results: { what: string; ours: string; raw: string; target: string; pass: boolean }[] = [];

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

// ---- the export children ---------------------------------------------------------------

const exportColumns: CountyColumn[] = [
  { header: '序号', width: 8, kind: 'center' },
  { header: '机构编码', group: '基本情况', width: 12, kind: 'text' },
  { header: '卫生室名称', group: '基本情况', width: 16, kind: 'text' },
  { header: '状态', group: '基本情况', width: 8, kind: 'center' },
  { header: '服务的村', group: '服务范围', width: 18, kind: 'text' },
  { header: '服务人口', group: '服务范围', width: 10, kind: 'int' },
  { header: '应配村医', group: '服务范围', width: 8, kind: 'int' },
  { header: '产权', width: 10, kind: 'center' },
  { header: '面积', width: 10, kind: 'decimal' },
  { header: '医保定点', width: 8, kind: 'center' },
  { header: '负责人', width: 10, kind: 'text' },
  { header: '备注', width: 16, kind: 'text' },
];

function* exportRows(): Generator<(string | number)[]> {
  for (let i = 1; i <= EXPORT_ROWS; i++) {
    yield [
      i,
      `HY${String(i).padStart(6, '0')}`,
      `第${i % 997}村卫生室`,
      i % 50 === 0 ? '已撤销' : '运行',
      '张庄村、李营村（延伸）',
      800 + (i % 2500),
      1 + (i % 3),
      '公有产权',
      60 + (i % 90) / 2,
      i % 3 ? '是' : '否',
      `负责人${i % 311}`,
      i % 7 ? '' : '村医退休',
    ];
  }
}

async function exportCounty(file: string): Promise<void> {
  await writeCountyWorkbookFile(file, [
    {
      name: '卫生室',
      title: '村卫生室统计表',
      unit: '河阳镇中心卫生院',
      period: '填报日期：2026年3月5日',
      columns: exportColumns,
      rows: exportRows(),
      signature: { operator: '甲', reviewer: '乙', director: '丙', date: '2026年3月5日' },
    },
  ]);
}

/** What a developer would write with exceljs alone: same rows, same style objects. */
async function exportRaw(file: string): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('卫生室', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = exportColumns.map((c) => ({ width: c.width }));
  const header = ws.addRow(exportColumns.map((c) => c.header));
  header.eachCell((cell) => (cell.style = styles.header));
  header.commit();
  const body: Partial<Style>[] = exportColumns.map((c) => styles.body[c.kind]);
  for (const values of exportRows()) {
    const row = ws.addRow(values);
    row.eachCell((cell, col) => (cell.style = body[col - 1] ?? styles.body.text));
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function exportChild(mode: string, file: string): Promise<void> {
  const t0 = performance.now();
  await (mode === 'export-county' ? exportCounty(file) : exportRaw(file));
  const elapsed = ms(t0);
  // maxRSS is in kilobytes on Linux and Windows.
  console.log(
    JSON.stringify({ ms: elapsed, rows: EXPORT_ROWS, rssMb: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(file).size }),
  );
}

// ---- the township --------------------------------------------------------------------------

async function buildTownship(file: string): Promise<{ people: number; assets: number }> {
  const { db } = await openDatabase(file);
  const { people, assets } = seedDemo(makeContext(db, '基准测试'), { scale: SCALE });
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?)');
  const actions = ['create', 'update', 'close', 'reopen', 'import'];
  const entities = ['village', 'clinic', 'settings'];
  db.transaction(() => {
    for (let i = 0; i < AUDIT_ROWS; i++) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString();
      insert.run(
        at,
        `用户${i % 7}`,
        actions[i % 5] ?? 'update',
        entities[i % 3] ?? 'village',
        1 + (i % 2000),
        `修改记录 ${i}：服务人口 ${i % 3000}`,
      );
    }
  })();
  db.close();
  return { people, assets };
}

// ---- (a) start-up -------------------------------------------------------------------------

async function benchOpen(file: string): Promise<void> {
  const page = `SELECT ${villageSelect} FROM villages v ORDER BY v.id LIMIT 100`;
  const open: number[] = [];
  const ready: number[] = [];
  const check: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 7; i++) {
    // As the app opens (app/session.ts): the whole-file quick_check right after the first page.
    let t0 = performance.now();
    const { db } = await openDatabase(file, undefined, { integrity: 'later' });
    open.push(ms(t0));
    listVillages(makeContext(db), listQuery.parse({ limit: 100 }));
    ready.push(ms(t0));
    t0 = performance.now();
    if (integrityProblem(db, file)) throw new Error('bench file failed its quick_check');
    check.push(ms(t0));
    db.close();
    t0 = performance.now();
    const r = new Database(file);
    r.prepare(page).all();
    raw.push(ms(t0));
    r.close();
  }
  const worst = Math.max(...ready);
  results.push({ what: '(a) 打开数据库 + 迁移检查（中位数）', ours: fmt(pct(open, 50)), raw: fmt(pct(raw, 50)), target: '—', pass: true });
  results.push({ what: '(a) 完整性检查 quick_check（第一页之后，中位数）', ours: fmt(pct(check, 50)), raw: '—', target: '—', pass: true });
  results.push({
    what: '(a) 核心就绪：打开 + 版本检查 + 行政村第一页（最慢一次）',
    ours: fmt(worst),
    raw: fmt(Math.max(...raw)),
    target: '< 150 ms',
    pass: worst < 150,
  });
}

// ---- (b) lists over HTTP ------------------------------------------------------------------

interface ListCase {
  op: string;
  source: ListSource;
  select: string;
  query: ListQuery;
}

const listCases: ListCase[] = [
  { op: 'villages.list', source: villageSource, select: villageSelect, query: { limit: 100 } },
  { op: 'clinics.list', source: clinicSource, select: clinicSelect, query: { limit: 100 } },
  {
    op: 'audit.list',
    source: auditSource,
    select: auditSelect,
    query: { limit: 100, sort: [{ id: 'at', desc: true }], filters: [{ id: 'entity', value: 'village' }] },
  },
  { op: 'people.list', source: personSource, select: personSelect, query: { limit: 100 } },
];

async function benchLists(file: string, dir: string): Promise<void> {
  const session = await Session.open({ dbPath: file, shell: 'browser' });
  const server = await startWebServer({ session, staticDir: dir });
  const raw = new Database(file, { readonly: true });
  try {
    for (const c of listCases) {
      const call = async () => {
        const res = await fetch(`${server.url}api/${c.op}`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
          body: JSON.stringify(c.query),
        });
        const body = (await res.json()) as { ok: boolean; value?: { rows: unknown[] } };
        if (!body.ok || body.value?.rows.length !== 100) throw new Error(`${c.op} failed: ${JSON.stringify(body).slice(0, 200)}`);
      };
      const q = listQuery.parse(c.query);
      const where = buildWhere(c.source, q);
      const count = raw.prepare(`SELECT count(*) FROM ${c.source.from} ${where.sql}`);
      const rows = raw.prepare(`SELECT ${c.select} FROM ${c.source.from} ${where.sql} ${buildOrder(c.source, q.sort)} LIMIT ? OFFSET ?`);
      // Selects on people (the clinics' head and doctors, the people list) read as of a day, bound by name.
      const named = c.select.includes('@asOf') ? [{ asOf: todayIso() }] : [];
      const direct = () => {
        count.pluck().get(...where.params);
        rows.all(...named, ...where.params, q.limit, q.offset);
      };
      const http: number[] = [];
      const sql: number[] = [];
      for (let i = 0; i < 20; i++) await call();
      for (let i = 0; i < CALLS; i++) {
        let t0 = performance.now();
        await call();
        http.push(ms(t0));
        t0 = performance.now();
        direct();
        sql.push(ms(t0));
      }
      const p95 = pct(http, 95);
      results.push({
        what: `(b) ${c.op} 第一页（HTTP，p50 / p95）`,
        ours: `${fmt(pct(http, 50))} / ${fmt(p95)}`,
        raw: `${fmt(pct(sql, 50))} / ${fmt(pct(sql, 95))}`,
        target: 'p95 < 20 ms',
        pass: p95 < 20,
      });
    }
  } finally {
    raw.close();
    await server.close();
    session.close();
  }
}

// ---- (d) and (e) in a child process -------------------------------------------------------

const benchRows = z.array(z.object({ what: z.string(), ours: z.string(), raw: z.string(), target: z.string(), pass: z.boolean() }));

function peopleInChild(file: string, dir: string): BenchRow[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'bench.ts'), 'people-child', file, dir], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('[')) throw new Error(`people-child failed: ${r.stderr}`);
  return benchRows.parse(JSON.parse(line));
}

// ---- (c) export ---------------------------------------------------------------------------

function runChild(mode: string, file: string): { ms: number; rows: number; rssMb: number; bytes: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'bench.ts'), mode, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(line) as { ms: number; rows: number; rssMb: number; bytes: number };
}

type ExportRun = ReturnType<typeof runChild>;

/** Best time and highest memory of a few runs, alternated, so a busy moment does not decide. */
function best(runs: ExportRun[]): ExportRun {
  return runs.reduce((a, b) => ({ ...a, ms: Math.min(a.ms, b.ms), rssMb: Math.max(a.rssMb, b.rssMb) }));
}

function benchExport(dir: string): void {
  const rawRuns: ExportRun[] = [];
  const ourRuns: ExportRun[] = [];
  for (let i = 0; i < EXPORT_RUNS; i++) {
    rawRuns.push(runChild('export-raw', path.join(dir, `raw${i}.xlsx`)));
    ourRuns.push(runChild('export-county', path.join(dir, `county${i}.xlsx`)));
  }
  const raw = best(rawRuns);
  const ours = best(ourRuns);
  const rate = (x: { ms: number; rows: number }) => (x.rows / x.ms) * 1000;
  const ratio = rate(ours) / rate(raw);
  results.push({
    what: '(c) 导出 100,000 行 × 12 列（行/秒）',
    ours: `${Math.round(rate(ours))}（${(ours.ms / 1000).toFixed(1)} s）`,
    raw: `${Math.round(rate(raw))}（${(raw.ms / 1000).toFixed(1)} s）`,
    target: '≥ 0.8 × 原始',
    pass: ratio >= 0.8,
  });
  results.push({
    what: '(c) 速度之比（本程序 / 原始 exceljs）',
    ours: ratio.toFixed(2),
    raw: '1.00',
    target: '≥ 0.80',
    pass: ratio >= 0.8,
  });
  results.push({
    what: '(c) 导出进程内存峰值（RSS）',
    ours: `${ours.rssMb.toFixed(0)} MB`,
    raw: `${raw.rssMb.toFixed(0)} MB`,
    target: '< 300 MB',
    pass: ours.rssMb < 300,
  });
}

// ---- main ---------------------------------------------------------------------------------

function printTable(): void {
  const rows = [
    ['项目', '本程序', '原始库', '目标', '结果'],
    ...results.map((r) => [r.what, r.ours, r.raw, r.target, r.pass ? 'PASS' : 'FAIL']),
  ];
  const width = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const cols = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  for (const r of rows) console.log(r.map((cell, i) => cell + ' '.repeat((cols[i] ?? 0) - width(cell))).join('  '));
}

/** `npm run bench -- people` measures (d) and (e) only; `npm run bench -- assets` (f)–(h) only. */
async function main(only: 'people' | 'assets' | null = null): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-'));
  try {
    const file = path.join(dir, 'bench.sqlite');
    const t0 = performance.now();
    const { people, assets } = await buildTownship(file);
    console.log(
      `已生成：${SCALE * 18} 个行政村、${SCALE * 14} 个村卫生室、${people} 名人员、${assets} 项资产、${AUDIT_ROWS} 条操作记录（${(ms(t0) / 1000).toFixed(1)} s，${(fs.statSync(file).size / 1e6).toFixed(1)} MB）\n`,
    );
    if (only === null) {
      await benchOpen(file);
      await benchLists(file, dir);
      benchExport(dir);
    }
    if (only !== 'people') results.push(...(await benchAssets(dir)));
    // Last: (d) adds 10,000 people to the township the other rows measure. In a process of its own,
    // as a clerk's import runs in an app that has not just generated 2,100 clinics and measured the
    // rows above: in this process their heap had doubled even raw exceljs's read (664 → 1,284 ms).
    if (only !== 'assets') results.push(...peopleInChild(file, dir));
    if (only === null) results.push(...(await benchDrugs(dir)));
    if (only === null) results.push(...(await benchDelivery(dir)));
    if (only === null) results.push(...(await benchStock(dir)));
    if (only === null) results.push(...(await benchSupervision(dir)));
    if (only === null) results.push(...(await benchPinyin(dir)));
    printTable();
    const failed = results.filter((r) => !r.pass).length;
    console.log(failed ? `\n${failed} 项未达标` : '\n全部达标');
    process.exitCode = failed ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, target, childDir] = process.argv.slice(2);
if ((mode === 'export-county' || mode === 'export-raw') && target) await exportChild(mode, target);
else if (mode === 'people-child' && target && childDir) console.log(JSON.stringify(await benchPeople(target, childDir)));
else if (mode === 'reliability') process.exitCode = (await benchReliability(process.argv.slice(3))) > 0 ? 1 : 0;
else if (mode === 'drugs') process.exitCode = (await runDrugBench()) > 0 ? 1 : 0;
else if (mode === 'delivery') process.exitCode = (await runDeliveryBench()) > 0 ? 1 : 0;
else if (mode === 'stock') process.exitCode = (await runStockBench()) > 0 ? 1 : 0;
else if (mode === 'supervision') process.exitCode = (await runSupervisionBench()) > 0 ? 1 : 0;
else if (mode === 'pinyin') process.exitCode = (await runPinyinBench()) > 0 ? 1 : 0;
else await main(mode === 'people' || mode === 'assets' ? mode : null);
