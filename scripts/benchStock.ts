/**
 * The stock benchmark rows (issue 10): on a ten-year, 35-clinic township (benchStockData.ts,
 * ≈ 213,000 movement rows, 400 drugs) —
 *   (k) the month's 进销存 for all places (stockLedger: the two grouped queries on the covering
 *       index stock_movements_place, then per place and drug in JS) < 300 ms, beside the raw
 *       covering-index aggregate alone and a full table scan (NOT INDEXED), as ratios; the
 *       query plan is checked to use the covering index;
 *   (l) the 药品库存 page's first page (stock.list through the Session's dispatcher, as the
 *       renderer calls it), for the whole township and for one clinic, p95 < 20 ms, beside the
 *       same SQL run directly.
 * `npm run bench -- stock` runs these rows alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../electron/app/dispatch';
import { Session } from '../electron/app/session';
import { makeContext } from '../electron/db/context';
import { LEDGER_PLAN_SQL, MONTH_SQL, OPENING_SQL, PLACE_OPENING_SQL, stockLedger } from '../electron/domains/drugs/stock/ledger';
import { listStock } from '../electron/domains/drugs/stock/list';
import { buildStockTownship, STOCK_CLINICS, STOCK_DRUGS } from './benchStockData';

export interface StockBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const RUNS = 15;
const CALLS = 100;
const MONTH = '2026-11';
const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
function timed(run: () => unknown, n = RUNS): number[] {
  run();
  return Array.from({ length: n }, () => {
    const t0 = performance.now();
    run();
    return ms(t0);
  });
}

export async function benchStock(dir: string): Promise<StockBenchRow[]> {
  const file = path.join(dir, 'stock.sqlite');
  const t0 = performance.now();
  const town = await buildStockTownship(file, MONTH);
  const built = ms(t0);
  const { db } = town;
  const range = { from: `${MONTH}-01`, to: `${MONTH}-30` };
  const rows: StockBenchRow[] = [];
  try {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LEDGER_PLAN_SQL}`).all(range) as { detail: string }[]).map((r) => r.detail).join('；');
    const covering = plan.includes('COVERING INDEX stock_movements_place');
    const opening = db.prepare(PLACE_OPENING_SQL);
    const perDrug = db.prepare(OPENING_SQL);
    const month = db.prepare(MONTH_SQL);
    const scan = db.prepare(OPENING_SQL.replace('INDEXED BY stock_movements_place', 'NOT INDEXED'));
    const scanMonth = db.prepare(MONTH_SQL.replace('INDEXED BY stock_movements_place', 'NOT INDEXED'));
    const ours = timed(() => stockLedger(db, MONTH));
    // The same two queries ours runs, raw; and the per-place-and-drug aggregate for reference.
    const raw = timed(() => (opening.all(range), month.all(range)));
    const drugWise = timed(() => (perDrug.all(range), month.all(range)));
    const full = timed(() => (scan.all(range), scanMonth.all(range)));
    const out = stockLedger(db, MONTH);
    const closes = [...out.places, out.center, out.township].every(
      (f) => f.closingPacks === f.openingPacks + f.inPacks - f.outPacks && f.closingFen === f.openingFen + f.inFen - f.outFen,
    );
    const p50 = pct(ours, 50);
    rows.push({
      what: `(k) ${MONTH} 进销存，全部 ${STOCK_CLINICS} 个卫生室 + 中心药库（${town.movements.toLocaleString('en-US')} 条出入库、${STOCK_DRUGS} 种药品，生成 ${(built / 1000).toFixed(1)} s；期末 = 期初 + 入 − 出：${closes ? '全部相符' : '不符'}）`,
      ours: `p50 ${fmt(p50)} / p95 ${fmt(pct(ours, 95))}，${(p50 / pct(raw, 50)).toFixed(2)}× 原始查询`,
      raw: `同样两条查询 ${fmt(pct(raw, 50))}；按卫生室×药品聚合 ${fmt(pct(drugWise, 50))}；全表扫描 ${fmt(pct(full, 50))}`,
      target: '< 300 ms',
      pass: p50 < 300 && closes,
    });
    rows.push({
      what: `(k) 查询计划使用覆盖索引 stock_movements_place`,
      ours: covering ? '是' : `否：${plan}`,
      raw: '—',
      target: '使用',
      pass: covering,
    });
  } finally {
    db.close();
  }

  const session = await Session.open({ dbPath: file, shell: 'browser', signInAs: { login: 'bench', name: '基准', role: 'admin' } });
  try {
    for (const place of ['all', town.clinicIds[0] as number] as const) {
      const input = { place, asOf: '2026-12-06', limit: 100, offset: 0 };
      const call = async () => {
        const r = await dispatch(session, 'stock.list', input);
        if (!r.ok) throw new Error(`stock.list: ${JSON.stringify(r.error)}`);
      };
      for (let i = 0; i < 10; i++) await call();
      const ctx = makeContext(session.db);
      const query = { ...input, search: undefined, sort: undefined, filters: undefined };
      const times: number[] = [];
      const direct: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        let t0 = performance.now();
        await call();
        times.push(ms(t0));
        t0 = performance.now();
        listStock(ctx, query);
        direct.push(ms(t0));
      }
      const p95 = pct(times, 95);
      rows.push({
        what: `(l) 药品库存第一页（stock.list，经会话调度；${place === 'all' ? '全乡镇' : '一个卫生室'}，p50 / p95）`,
        ours: `${fmt(pct(times, 50))} / ${fmt(p95)}`,
        raw: `服务直接调用 ${fmt(pct(direct, 50))} / ${fmt(pct(direct, 95))}`,
        target: 'p95 < 20 ms',
        pass: p95 < 20,
      });
    }
  } finally {
    session.close();
  }
  return rows;
}

/** `npm run bench -- stock`: these rows alone, printed; returns how many missed their target. */
export async function runStockBench(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-stock-'));
  try {
    const rows = await benchStock(dir);
    for (const r of rows) console.log(`${r.pass ? '达标' : '未达标'}  ${r.what}\n      本程序 ${r.ours}；原始 ${r.raw}；目标 ${r.target}`);
    return rows.filter((r) => !r.pass).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
