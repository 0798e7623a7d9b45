/**
 * The asset module on the command line, each command a child process on a real SQLite file:
 * importing the clerk's ledger (dry run with its bad rows, writing nothing; then for real and
 * again, changing nothing), the three asset returns as workbooks, and `report asset-ledger|
 * asset-changes --format json` in 分 agreeing with the workbook and balancing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/format';
import type { ReportData } from '../../electron/app/returns';
import { dumpFile, tempDir } from '../helpers/tempDb';
import { findRow, readBack, rowValues, sheet } from '../excel/support';
import { messyAssetLedger } from '../excel/messyAssets';
import { cli, cliOk } from './run';

function demoDb(): { dir: string; db: string } {
  const dir = tempDir();
  const db = path.join(dir, 'township.sqlite');
  cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县');
  expect(cliOk('seed', '--db', db, '--demo')).toMatch(/\d+ 项固定资产/);
  return { dir, db };
}

const json = (out: string) => JSON.parse(out) as ReportData;
const fen = (v: unknown) => Math.round(Number(v) * 100);

describe('cli: import assets', () => {
  it('previews with --dry-run, bad rows included, and writes nothing; imports a clean file once', async () => {
    const { dir, db } = demoDb();
    const file = await messyAssetLedger(path.join(dir, '台账.xlsx'));
    const before = dumpFile(db);
    const r = cli('import', 'assets', file, '--db', db, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('导入预览：固定资产台账，工作表“固定资产台账”，表头在第 4 行');
    expect(r.stdout).toContain('未识别的列（已忽略）：累计折旧（P列）、使用状况（Q列）');
    expect(r.stdout).toContain('将新增 6 行，更新 0 行，已存在且无变化 0 行，有错误 3 行');
    expect(r.stdout).toContain('第 5 行：ZZ-001 心电图机（医疗设备，张庄村卫生室，原值 12,300.00 元）');
    expect(r.stdout).toContain('第 12 行：“金额（元）”：应填金额');
    expect(r.stdout).toContain('试运行，未写入任何数据');
    expect(dumpFile(db)).toBe(before);

    const refused = cli('import', 'assets', file, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^错误：固定资产台账表中有 3 行有错误，未导入任何数据/);
    expect(dumpFile(db)).toBe(before);

    const clean = await messyAssetLedger(path.join(dir, '台账-改好.xlsx'), false);
    expect(cliOk('import', 'assets', clean, '--db', db)).toContain('已导入：新增 6 个，更新 0 个固定资产台账');
    const after = dumpFile(db);
    expect(cliOk('import', 'assets', clean, '--db', db)).toContain('将新增 0 行，更新 0 行，已存在且无变化 6 行，有错误 0 行');
    expect(dumpFile(db)).toBe(after);
  });
});

describe('cli: asset returns', () => {
  it('report asset-ledger --as-of --format json: per asset, holder and category in 分, the same as the workbook', async () => {
    const { dir, db } = demoDb();
    const asOf = todayIso();
    const r = json(cliOk('report', 'asset-ledger', '--db', db, '--as-of', asOf, '--format', 'json'));
    const ledger = r.ledger as NonNullable<ReportData['ledger']>;
    const sum = (k: 'valueFen' | 'accumulatedFen' | 'bookValueFen') => ledger.assets.reduce((n, a) => n + a[k], 0);
    expect(r.figures).toMatchObject({
      assets: ledger.assets.length,
      valueFen: sum('valueFen'),
      accumulatedFen: sum('accumulatedFen'),
      bookValueFen: sum('bookValueFen'),
    });
    expect(ledger.byHolder.reduce((n, h) => n + h.valueFen, 0)).toBe(sum('valueFen'));
    expect(ledger.byCategory.reduce((n, c) => n + c.bookValueFen, 0)).toBe(sum('bookValueFen'));
    expect(Number.isInteger(sum('accumulatedFen'))).toBe(true);

    const out = path.join(dir, '台账.xlsx');
    expect(cliOk('export', 'asset-ledger', '--db', db, '--out', out, '--as-of', asOf)).toContain('已导出“固定资产台账”');
    const ws = sheet(await readBack(out));
    expect(rowValues(ws, findRow(ws, '合计')).slice(9, 12).map(fen)).toEqual([sum('valueFen'), sum('accumulatedFen'), sum('bookValueFen')]);

    const one = json(cliOk('report', 'asset-ledger', '--db', db, '--clinic', '张庄', '--format', 'json'));
    expect(one.title).toBe('固定资产台账（张庄村卫生室）');
    expect(one.ledger?.assets.every((a) => a.holderName === '张庄村卫生室')).toBe(true);
  });

  it('report asset-changes --from --to balances; export writes the workbook; a missing period is refused', async () => {
    const { dir, db } = demoDb();
    const year = Number(todayIso().slice(0, 4));
    const period = ['--from', `${year - 2}-01-01`, '--to', `${year - 1}-12-31`];
    const r = json(cliOk('report', 'asset-changes', '--db', db, ...period, '--format', 'json'));
    const t = r.changes?.total;
    expect(t).toBeDefined();
    if (!t) return;
    expect(t.closingValue).toBe(t.openingValue + t.addedValue - t.reducedValue);
    expect(t.closingAccumulated).toBe(t.openingAccumulated + t.depreciation + t.addedAccumulated - t.reducedAccumulated);
    // The demo scrapped each clinic's old computer in that time.
    expect(t.reducedValue).toBeGreaterThan(0);

    const out = path.join(dir, '变动.xlsx');
    expect(cliOk('export', 'asset-changes', '--db', db, '--out', out, ...period, '--clinic', '卫生院本部')).toContain(
      '固定资产增减变动表（卫生院本部）',
    );
    expect(sheet(await readBack(out)).getCell('A1').value).toBe('固定资产增减变动表（卫生院本部）');

    const missing = cli('report', 'asset-changes', '--db', db, '--from', `${year}-01-01`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('请选择统计期间的结束日期（--to）');
    const unknown = cli('report', 'asset-ledger', '--db', db, '--clinic', '幸福村');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有名为“幸福村”的村卫生室');
  });

  it('export stocktake-discrepancies --stocktake lists the demo’s missing monitor', async () => {
    const { dir, db } = demoDb();
    const out = path.join(dir, '盘盈盘亏.xlsx');
    expect(cliOk('export', 'stocktake-discrepancies', '--db', db, '--out', out, '--stocktake', '1')).toContain(
      '已导出“固定资产盘盈盘亏表”',
    );
    const ws = sheet(await readBack(out));
    const row = findRow(ws, '一、盘亏', 2);
    expect(rowValues(ws, row + 1)[2]).toBe('血压计');
    const none = cli('report', 'stocktake-discrepancies', '--db', db, '--stocktake', '99');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/没有编号或名称为“99”的盘点（--stocktake）。现有盘点：1（/);
    const help = cliOk('--help');
    expect(help).toContain('asset-changes           固定资产增减变动表（须加 --from 年-月-日 --to 年-月-日');
    expect(help).toContain('stocktake-discrepancies 固定资产盘盈盘亏表（须加 --stocktake 盘点编号或名称）');
  });
});
