/**
 * The asset module's benchmark rows (issue 4, item 8), on a township of the issue's size: the
 * demo 67 times over (8,107 cards bought over ten years), with spells of repair added to cards
 * that have been quiet, until it has at least 40,000 movements:
 *   (f) the whole township's ledger as of a date (ledgerAsOf: holder, value, accumulated
 *       depreciation and book value of every card, from the movements) — p50 < 50 ms;
 *   (g) the township's depreciation for one month (per holder) — p50 < 50 ms;
 *   (h) the same for ten years of months (120 months) — < 1 s.
 * Beside each, raw better-sqlite3 reading the cards' columns (as arrays), the least any of them reads.
 */
import { addDays } from '../shared/rules/dates';
import { todayIso } from '../shared/format';
import { makeContext } from '../electron/db/context';
import path from 'node:path';
import { openDatabase } from '../electron/db/open';
import { seedDemo } from '../electron/demo/seed';
import { depreciationRun } from '../electron/domains/assets/depreciationRun';
import { ledgerAsOf } from '../electron/domains/assets/ledger';
import { insertMovement } from '../electron/domains/assets/movements';
import type { BenchRow } from './benchPeople';

const RUNS = 9;
const SCALE = 67;
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

/** Spells of repair (维修中, then 在用) between each card's last movement and today, until the township has MIN_MOVEMENTS. */
function topUp(db: Awaited<ReturnType<typeof openDatabase>>['db'], today: string): void {
  const ctx = makeContext(db, '基准测试');
  db.transaction(() => {
    let count = Number(db.prepare('SELECT count(*) FROM asset_movements').pluck().get());
    const cards = db.prepare("SELECT id, last_moved_on AS last FROM assets WHERE status = 'in_use' ORDER BY id").all() as {
      id: number;
      last: string;
    }[];
    for (let spells = 1; spells <= 6 && count < MIN_MOVEMENTS; spells++) {
      for (const c of cards) {
        if (count >= MIN_MOVEMENTS) break;
        const last = String(db.prepare('SELECT last_moved_on FROM assets WHERE id = ?').pluck().get(c.id));
        const days = Math.round((Date.parse(today) - Date.parse(last)) / 86_400_000);
        if (days < 60) continue;
        const out = addDays(last, Math.floor(days / 3));
        insertMovement(ctx, c.id, out, '故障送修', { kind: 'status', status: 'repair' });
        insertMovement(ctx, c.id, addDays(out, 20), '修复', { kind: 'status', status: 'in_use' });
        count += 2;
      }
    }
  })();
}

export async function benchAssets(dir: string): Promise<BenchRow[]> {
  const file = path.join(dir, 'assets.sqlite');
  const today = todayIso();
  const built = await openDatabase(file);
  seedDemo(makeContext(built.db, '基准测试'), { scale: SCALE });
  topUp(built.db, today);
  // Closed and opened again, as the app finds it at start (the write-ahead log checkpointed).
  built.db.close();
  const { db } = await openDatabase(file);
  try {
    const assets = Number(db.prepare('SELECT count(*) FROM assets').pluck().get());
    const movements = Number(db.prepare('SELECT count(*) FROM asset_movements').pluck().get());
    const first = String(db.prepare('SELECT min(moved_on) FROM asset_movements').pluck().get());
    // The least the ledger must read: every card's columns, as arrays.
    const cards = db
      .prepare(
        `SELECT id, code, name, category, model, quantity, unit, funding, acquired_on, in_service_on, life_months, custodian_id,
      location, holder_clinic_id, value_fen, status, disposed_on, last_moved_on, value_changes FROM assets ORDER BY code`,
      )
      .raw();
    const rawRead = timed(() => cards.all());
    const ledger = timed(() => ledgerAsOf(db, today));
    const month = today.slice(0, 7);
    const oneMonth = timed(() => depreciationRun(db, month, month));
    const from = `${Number(month.slice(0, 4)) - 10}${month.slice(4)}`;
    const tenYears = timed(() => depreciationRun(db, from, month));
    const monthly = depreciationRun(db, month, month)[0]?.totalFen ?? 0;
    console.log(`资产基准乡镇：${assets} 张卡片，${movements} 条变动；本月折旧 ${(monthly / 100).toFixed(2)} 元`);
    const span = `${first.slice(0, 4)}–${today.slice(0, 4)}`;
    return [
      {
        what: `(f) 全乡镇资产台账（${assets.toLocaleString('en-US')} 张卡片，${movements.toLocaleString('en-US')} 条变动，${span}，p50）`,
        ours: fmt(median(ledger)),
        raw: `${fmt(median(rawRead))}（仅读表）`,
        target: '< 50 ms',
        pass: median(ledger) < 50,
      },
      {
        what: '(g) 全乡镇一个月的折旧（按单位，p50）',
        ours: fmt(median(oneMonth)),
        raw: `${fmt(median(rawRead))}（仅读表）`,
        target: '< 50 ms',
        pass: median(oneMonth) < 50,
      },
      {
        what: '(h) 全乡镇十年逐月折旧（120 个月，p50）',
        ours: fmt(median(tenYears)),
        raw: `${fmt(median(rawRead))}（仅读表）`,
        target: '< 1 s',
        pass: median(tenYears) < 1000,
      },
    ];
  } finally {
    db.close();
  }
}
