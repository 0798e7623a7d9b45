/**
 * The asset module's benchmark rows (issue 4, item 8), on bench.ts's large township (the demo's
 * assets 150 times over: ~18,000 cards over ten years), with extra idle/in-use movements so the
 * township has at least 40,000 movements:
 *   (f) the whole township's ledger as of a date (ledgerAsOf: holder, value, accumulated
 *       depreciation and book value of every card, from the movements) — p50 < 50 ms;
 *   (g) the township's depreciation for one month (per holder) — p50 < 50 ms;
 *   (h) the same for ten years of months (120 months) — < 1 s.
 * Beside each, raw better-sqlite3 reading the rows the computation reads.
 */
import { addDays } from '../shared/rules/dates';
import { todayIso } from '../shared/format';
import { makeContext } from '../electron/core/context';
import { openDatabase } from '../electron/db/open';
import { depreciationRun } from '../electron/services/assets/depreciationRun';
import { ledgerAsOf } from '../electron/services/assets/ledger';
import { insertMovement } from '../electron/services/assets/movements';
import type { BenchRow } from './benchPeople';

const RUNS = 9;
const MIN_MOVEMENTS = 40_000;

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timed(fn: () => unknown): number[] {
  fn(); // warm-up: statements prepared, pages cached
  return Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    fn();
    return ms(t0);
  });
}

export async function benchAssets(file: string): Promise<BenchRow[]> {
  const { db } = await openDatabase(file);
  try {
    const today = todayIso();
    const ctx = makeContext(db, '基准测试');
    // Top up to MIN_MOVEMENTS with a spell of idleness (闲置 then 在用) for cards quiet for a year.
    db.transaction(() => {
      let count = Number(db.prepare('SELECT count(*) FROM asset_movements').pluck().get());
      const quiet = db
        .prepare(`SELECT a.id FROM assets a WHERE a.status = 'in_use' AND (SELECT max(moved_on) FROM asset_movements m WHERE m.asset_id = a.id) < ? ORDER BY a.id`)
        .pluck()
        .all(addDays(today, -365)) as number[];
      for (const id of quiet) {
        if (count >= MIN_MOVEMENTS) break;
        insertMovement(ctx, id, addDays(today, -200), '暂停使用', { kind: 'status', status: 'idle' });
        insertMovement(ctx, id, addDays(today, -100), '恢复使用', { kind: 'status', status: 'in_use' });
        count += 2;
      }
    })();
    const assets = Number(db.prepare('SELECT count(*) FROM assets').pluck().get());
    const movements = Number(db.prepare('SELECT count(*) FROM asset_movements').pluck().get());
    const first = String(db.prepare('SELECT min(moved_on) FROM asset_movements').pluck().get());
    const rawRead = timed(() => {
      db.prepare('SELECT * FROM assets').all();
      db.prepare('SELECT * FROM asset_movements WHERE moved_on <= ?').all(today);
    });
    const ledger = timed(() => ledgerAsOf(db, today));
    const month = today.slice(0, 7);
    const oneMonth = timed(() => depreciationRun(db, month, month));
    const from = `${Number(month.slice(0, 4)) - 10}${month.slice(4)}`;
    const tenYears = timed(() => depreciationRun(db, from, month));
    const span = `${first.slice(0, 4)}–${today.slice(0, 4)}`;
    return [
      { what: `(f) 全乡镇资产台账（${assets.toLocaleString('en-US')} 张卡片，${movements.toLocaleString('en-US')} 条变动，${span}，p50）`, ours: fmt(median(ledger)), raw: `${fmt(median(rawRead))}（仅读表）`, target: '< 50 ms', pass: median(ledger) < 50 },
      { what: '(g) 全乡镇一个月的折旧（按单位，p50）', ours: fmt(median(oneMonth)), raw: `${fmt(median(rawRead))}（仅读表）`, target: '< 50 ms', pass: median(oneMonth) < 50 },
      { what: '(h) 全乡镇十年逐月折旧（120 个月，p50）', ours: fmt(median(tenYears)), raw: `${fmt(median(rawRead))}（仅读表）`, target: '< 1 s', pass: median(tenYears) < 1000 },
    ];
  } finally {
    db.close();
  }
}
