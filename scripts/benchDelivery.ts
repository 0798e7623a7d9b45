/**
 * The delivery benchmark row (issue 10: "FEFO delivery for a month of 35 clinics × 150 lines
 * < 200 ms"), run by `npm run bench -- delivery` and in the full run: a township of 35 clinics
 * and 400 drugs with ten years of history in the store (each month 150 drugs received and 25
 * lines delivered to every clinic: ≈ 230,000 movement rows), then this month's 35 approved
 * requisitions of 150 lines each against a store of 3–4 batches per drug (one of them expired,
 * some drugs short). Measured: `runDelivery` — the plan (open lines, the store's balances on the
 * day, FEFO) and its writes (heads, paired movements through recordMovements' multi-row inserts, shortages) in one
 * transaction, each run on a fresh copy of the store (a top-level transaction, as the app's). Beside it the raw
 * library doing the same reads and inserts in plain SQL with a plain FEFO loop, as a ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clinicInput } from '../shared/schemas/clinics';
import { villageInput } from '../shared/schemas/villages';
import { addMonths } from '../shared/rules/requisitionMonths';
import { makeContext } from '../electron/db/context';
import { openDatabase, type Db } from '../electron/db/open';
import { insertClinic } from '../electron/domains/clinics/service';
import { insertVillage } from '../electron/domains/villages/service';
import { runDelivery } from '../electron/domains/drugs/delivery/run';

const CLINICS = 35;
const DRUGS = 400;
const LINES = 150;
const YEARS = 10;
const RUNS = 5;
const MONTH = '2026-12';
const DAY = '2026-12-05';
const AT = '2026-12-01T00:00:00Z';

export interface DeliveryBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const ms = (t0: number) => performance.now() - t0;
/** CPU time of this process since `c0`, in ms: beside the wall time, it says what the run costs when other programs share the machine. */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

function township(db: Db): number[] {
  const ctx = makeContext(db, '基准测试');
  return db
    .transaction(() => {
      const ids: number[] = [];
      for (let i = 0; i < CLINICS; i++) {
        const v = insertVillage(
          ctx,
          villageInput.parse({
            name: `基准村${i}`,
            residentPopulation: 1000,
            servicePopulation: 1000,
            isCenterSeat: false,
            distanceKm: 3,
            altCoverage: 'none',
            patrolVisitsPerMonth: 0,
            note: '',
          }),
        );
        const values = clinicInput.parse({
          code: `B${String(i).padStart(3, '0')}`,
          name: `基准村${i}卫生室`,
          address: '',
          property: 'public',
          buildingArea: 60,
          insurancePoint: true,
          headName: '',
          hostVillageIds: [v],
          extensionVillageIds: [],
          note: '',
        });
        ids.push(insertClinic(ctx, values));
      }
      const drug = db.prepare(
        'INSERT INTO drugs (platform_code, generic_name, spec, pack_unit, price_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (let d = 0; d < DRUGS; d++) drug.run(`YP${d}`, `品种${d}`, `${(d % 50) + 1}mg*24片`, '盒', 300 + ((d * 37) % 4000), AT, AT);
      return ids;
    })
    .immediate();
}

/** Ten years of receipts and deliveries, written in plain SQL (the triggers still check every row). */
function history(db: Db, clinics: number[]): void {
  const batch = db.prepare(
    'INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const head = db.prepare('INSERT INTO deliveries (month, delivered_on, clinic_id, created_at) VALUES (?, ?, ?, ?)');
  const move = db.prepare(
    `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen, other_clinic_id, other_is_center, delivery_id, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let k = YEARS * 12; k >= 1; k--) {
      const month = addMonths(MONTH, -k);
      const on = `${month}-03`;
      const day = `${month}-06`;
      // Each batch receives what its deliveries take, a few packs over on every tenth: the store empties as it would.
      const uses = new Array<number>(150).fill(0);
      clinics.forEach((_c, ci) => {
        for (let j = 0; j < 25; j++) uses[(ci * 7 + j * 5) % 150] = (uses[(ci * 7 + j * 5) % 150] ?? 0) + 1;
      });
      const batches: [number, number][] = [];
      for (let j = 0; j < 150; j++) {
        const d = (k * 150 + j) % DRUGS;
        const price = 300 + ((d * 37) % 4000);
        const packs = (uses[j] ?? 0) * 5 + (j % 10 === 0 ? 3 : 0);
        const b = Number(batch.run(d + 1, `L${month}-${d}`, lastDay(addMonths(month, 24)), price, on, AT).lastInsertRowid);
        if (packs > 0) move.run(b, d + 1, null, 'receipt', on, packs, price, packs * price, null, 0, null, AT);
        batches.push([b, d + 1]);
      }
      clinics.forEach((c, ci) => {
        const h = Number(head.run(month, day, c, AT).lastInsertRowid);
        for (let j = 0; j < 25; j++) {
          const [b, d] = batches[(ci * 7 + j * 5) % 150] as [number, number];
          const price = 300 + (((d - 1) * 37) % 4000);
          move.run(b, d, null, 'delivery', day, -5, price, -5 * price, c, 0, h, AT);
          move.run(b, d, c, 'delivery', day, 5, price, 5 * price, null, 1, h, AT);
        }
      });
    }
  }).immediate();
}

/** This month: the store's 3–4 batches per drug (one expired; every 9th drug short) and 35 approved requisitions of 150 lines. */
function thisMonth(db: Db, clinics: number[]): void {
  const batch = db.prepare(
    'INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const move = db.prepare(
    `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen, recorded_at) VALUES (?, ?, NULL, 'receipt', ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let d = 1; d <= DRUGS; d++) {
      const price = 300 + (((d - 1) * 37) % 4000);
      const want = CLINICS * 10;
      const have = d % 9 === 0 ? 40 : want;
      const expiries = ['2026-11-30', '2027-03-31', '2027-09-30', '2028-06-30'].slice(0, 3 + (d % 2));
      expiries.forEach((e, i) => {
        const b = Number(batch.run(d, `N${d}-${i}`, e, price, '2026-06-01', AT).lastInsertRowid);
        const packs = i === 0 ? 20 : Math.ceil(have / (expiries.length - 1));
        move.run(b, d, '2026-06-01', packs, price, packs * price, AT);
      });
    }
    const req = db.prepare("INSERT INTO requisitions (clinic_id, month, status) VALUES (?, ?, 'approved')");
    const line = db.prepare('INSERT INTO requisition_lines (requisition_id, drug_id, packs, price_fen, essential) VALUES (?, ?, ?, 0, 1)');
    clinics.forEach((c, ci) => {
      const r = Number(req.run(c, MONTH).lastInsertRowid);
      for (let j = 0; j < LINES; j++) line.run(r, ((ci * 11 + j) % DRUGS) + 1, 5 + (j % 10));
    });
  }).immediate();
}

/** The same work as runDelivery with the raw library: the same reads, a plain FEFO loop, plain inserts. */
export function rawDelivery(db: Db): number {
  const lines = db
    .prepare(
      `SELECT l.id, r.clinic_id AS clinic, l.drug_id AS drug, l.packs FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
        WHERE r.month = ? AND r.status = 'approved' ORDER BY r.clinic_id, l.id`,
    )
    .raw()
    .all(MONTH) as [number, number, number, number][];
  db.prepare('SELECT requisition_line_id, sum(packs) FROM drug_shortages WHERE month = ? GROUP BY 1').raw().all(MONTH);
  // The store as the app reads it: unexpired batches of the drugs asked for, each with the center's balance row.
  const batchesOf = db.prepare(
    `SELECT b.id, b.price_fen, sb.packs
       FROM drug_batches b JOIN stock_balances sb ON sb.batch_id = b.id AND sb.place_key = 0
      WHERE b.drug_id = ? AND b.expires_on >= ? AND b.received_on <= ? ORDER BY b.expires_on, b.received_on, b.id`,
  );
  db.prepare('SELECT batch_id, sum(packs) FROM stock_movements WHERE clinic_id IS NULL AND moved_on > ? GROUP BY batch_id').raw().all(DAY);
  const byDrug = new Map<number, { id: number; left: number; price: number }[]>();
  for (const drug of new Set(lines.map((l) => l[2]))) {
    const list = (batchesOf.raw().all(drug, DAY, DAY) as [number, number, number][])
      .filter(([, , packs]) => packs > 0)
      .map(([id, price, packs]) => ({ id, left: packs, price }));
    byDrug.set(drug, list);
  }
  const head = db.prepare('INSERT INTO deliveries (month, delivered_on, clinic_id, created_at) VALUES (?, ?, ?, ?)');
  const move = db.prepare(
    `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen, other_clinic_id, other_is_center, delivery_id, recorded_at)
     VALUES (?, ?, ?, 'delivery', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const short = db.prepare(
    'INSERT INTO drug_shortages (month, recorded_on, clinic_id, drug_id, requisition_line_id, delivery_id, packs, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let current = -1;
  let h = 0;
  let written = 0;
  for (const [id, clinic, drug, packs] of lines) {
    if (clinic !== current) {
      current = clinic;
      h = Number(head.run(MONTH, DAY, clinic, AT).lastInsertRowid);
    }
    let want = packs;
    for (const b of byDrug.get(drug) ?? []) {
      if (want === 0) break;
      const take = Math.min(want, b.left);
      if (take === 0) continue;
      b.left -= take;
      want -= take;
      move.run(b.id, drug, null, DAY, -take, b.price, -take * b.price, clinic, 0, h, AT);
      move.run(b.id, drug, clinic, DAY, take, b.price, take * b.price, null, 1, h, AT);
      written += 2;
    }
    if (want > 0) short.run(MONTH, DAY, clinic, drug, id, h, want, '库存不足');
  }
  return written;
}

/** Opens a fresh copy of the prepared store, so every run meets the same state in a top-level transaction as the app's would. */
async function freshCopy(base: string, name: string): Promise<Db> {
  const file = path.join(path.dirname(base), name);
  fs.copyFileSync(base, file);
  return (await openDatabase(file)).db;
}

/** Builds the benchmark's store at `base` (the ten years and this month's approved requisitions); returns its movement count. */
export async function buildDeliveryStore(base: string): Promise<number> {
  const { db } = await openDatabase(base);
  try {
    const clinics = township(db);
    history(db, clinics);
    thisMonth(db, clinics);
    const rows = Number(db.prepare('SELECT count(*) FROM stock_movements').pluck().get());
    db.pragma('wal_checkpoint(TRUNCATE)');
    return rows;
  } finally {
    db.close();
  }
}

export async function benchDelivery(dir: string): Promise<DeliveryBenchRow[]> {
  const base = path.join(dir, 'delivery.sqlite');
  const rows = await buildDeliveryStore(base);
  let served = 0;
  let shortages = 0;
  const ours: number[] = [];
  const raw: number[] = [];
  const oursCpu: number[] = [];
  const rawCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = await freshCopy(base, `ours${i}.sqlite`);
    try {
      const ctx = makeContext(a, '基准测试', () => new Date('2026-12-06T02:00:00Z'));
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = runDelivery(ctx, MONTH, DAY);
      ours.push(ms(t0));
      oursCpu.push(cpuMs(c0));
      served = out.plan.servedPacks;
      shortages = out.shortages;
    } finally {
      a.close();
    }
    const b = await freshCopy(base, `raw${i}.sqlite`);
    try {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      b.transaction(() => rawDelivery(b)).immediate();
      raw.push(ms(t0));
      rawCpu.push(cpuMs(c0));
    } finally {
      b.close();
    }
  }
  const o = median(ours);
  const r = median(raw);
  return [
    {
      what: `(j) 按先到期先出配送一个月：${CLINICS} 个卫生室 × ${LINES} 行（中心库 ${DRUGS} 种药、${rows.toLocaleString('en-US')} 条出入库记录），计划 + 写入，中位数`,
      ours: `${o.toFixed(0)} ms（CPU ${median(oursCpu).toFixed(0)} ms；配送 ${served.toLocaleString('en-US')} 个包装，短缺 ${shortages} 项），${(o / r).toFixed(2)}× 原生`,
      raw: `${r.toFixed(0)} ms（CPU ${median(rawCpu).toFixed(0)} ms；同样的读取与插入，纯 SQL，逐行插入）`,
      target: '< 200 ms',
      pass: o < 200,
    },
  ];
}

/** `npm run bench -- delivery`: this row alone, printed; returns the number of rows that missed their target. */
export async function runDeliveryBench(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-delivery-'));
  try {
    const rows = await benchDelivery(dir);
    for (const r of rows) console.log(`${r.pass ? '达标' : '未达标'}  ${r.what}\n      本程序 ${r.ours}；原生 ${r.raw}；目标 ${r.target}`);
    return rows.filter((r) => !r.pass).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
