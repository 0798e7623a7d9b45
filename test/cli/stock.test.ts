/**
 * The stock returns on the command line, each a child process on a real file: `report stock
 * --month M --format json` (the township's 进销存 closing exactly, clinics + center = township;
 * `--clinic` per drug) and `report expiry --as-of D --format json` (expired and near-expiry
 * batches with days left), `report batches --as-of D` (stock by place and batch) and
 * `report disposals`; a month missing is refused in Chinese.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerFigures, LedgerOutput } from '../../shared/schemas/stock';
import type { ReportData } from '../../electron/app/returns';
import type { BatchRow } from '../../shared/schemas/stock';
import { makeContext } from '../../electron/db/context';
import { call } from '../helpers/calls';
import { addClinic, clockAt, openSessionAt } from '../helpers/people';
import { addBatch, addDrug, deliver, receive } from '../helpers/stock';
import { tempDir } from '../helpers/tempDb';
import { cli, cliOk } from './run';

async function stockedFile(): Promise<string> {
  const db = path.join(tempDir(), 'township.sqlite');
  const s = await openSessionAt('2026-04-10', db);
  const ctx = makeContext(s.db, '测试', clockAt('2026-04-10'));
  const east = await addClinic(s, '东', 800, 'C01');
  const amox = addDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const a1 = addBatch(s.db, amox, 'A1', '2026-05-31', 1250);
  receive(ctx, a1, 20, '2026-01-05');
  deliver(ctx, a1, east, 10, '2026-02-03');
  await call(s, 'stock.recordUse', { clinicId: east, month: '2026-02', lines: [{ drugId: amox, packs: 4, salePriceFen: 1250 }] });
  s.close();
  return db;
}

const closes = (f: LedgerFigures) => {
  expect(f.closingPacks).toBe(f.openingPacks + f.inPacks - f.outPacks);
  expect(f.closingFen).toBe(f.openingFen + f.inFen - f.outFen);
};

describe('cli: stock returns', () => {
  it('report stock --month --format json closes exactly, for the township and one clinic', { timeout: 120_000 }, async () => {
    const db = await stockedFile();
    const r = JSON.parse(cliOk('report', 'stock', '--db', db, '--month', '2026-02', '--format', 'json')) as ReportData & {
      stock: LedgerOutput;
    };
    expect(r.title).toBe('村卫生室药品进销存月报');
    const { places, clinicsTotal, center, township } = r.stock;
    expect(places.map((p) => [p.placeName, p.openingPacks, p.inPacks, p.outPacks, p.closingPacks, p.closingFen])).toEqual([
      ['东村卫生室', 0, 10, 4, 6, 7500],
    ]);
    expect(center).toMatchObject({ openingPacks: 20, outPacks: 10, closingPacks: 10, closingFen: 12500 });
    for (const f of [...places, clinicsTotal, center, township]) closes(f);
    expect(township.closingFen).toBe(clinicsTotal.closingFen + center.closingFen);
    expect(r.figures.closingFen).toBe(20000);

    const one = JSON.parse(
      cliOk('report', 'stock', '--db', db, '--month', '2026-02', '--clinic', '东村卫生室', '--format', 'json'),
    ) as ReportData & {
      stock: LedgerOutput;
    };
    expect(one.stock.drugs?.map((d) => [d.platformCode, d.inPacks, d.outPacks, d.outByKind.use, d.closingPacks])).toEqual([
      ['P001', 10, 4, 4, 6],
    ]);

    const missing = cli('report', 'stock', '--db', db, '--format', 'json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('请选择统计月份');
  });

  it('report expiry --as-of --format json lists the near-expiry batch at each place with days left', { timeout: 120_000 }, async () => {
    const db = await stockedFile();
    const r = JSON.parse(cliOk('report', 'expiry', '--db', db, '--as-of', '2026-04-01', '--format', 'json')) as ReportData & {
      batches: BatchRow[];
    };
    expect(r.batches.map((b) => [b.placeName, b.lotNo, b.packs, b.daysLeft, b.expiry])).toEqual([
      ['中心药库', 'A1', 10, 60, 'near'],
      ['东村卫生室', 'A1', 6, 60, 'near'],
    ]);
    const later = JSON.parse(cliOk('report', 'expiry', '--db', db, '--as-of', '2026-06-01', '--format', 'json')) as ReportData & {
      batches: BatchRow[];
    };
    expect(later.batches.map((b) => [b.daysLeft, b.expiry])).toEqual([
      [-1, 'expired'],
      [-1, 'expired'],
    ]);
    const early = JSON.parse(cliOk('report', 'expiry', '--db', db, '--as-of', '2026-01-10', '--format', 'json')) as ReportData & {
      batches: BatchRow[];
    };
    expect(early.batches).toEqual([]);
    const all = JSON.parse(cliOk('report', 'batches', '--db', db, '--as-of', '2026-01-10', '--format', 'json')) as ReportData & {
      batches: BatchRow[];
    };
    expect(all.batches.map((b) => [b.placeName, b.lotNo, b.packs, b.amountFen, b.expiry])).toEqual([['中心药库', 'A1', 20, 25000, 'ok']]);
    const none = JSON.parse(cliOk('report', 'disposals', '--db', db, '--format', 'json')) as ReportData;
    expect(none.figures).toMatchObject({ disposals: 0, amountFen: 0 });
  });
});
