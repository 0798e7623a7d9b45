/**
 * Issue 12 item 4, rule R1: `returns.data` (what the print view draws) is the very return the
 * command line prints with `report <name> --format json` and the workbook is written from —
 * the same object, checked by the contract's schema (shared/schemas/returns.ts); the asset
 * returns' extra detail (ledger …) stays with the command line. The unit row and signature the
 * paper shows (shared/reportPaper.ts) are the workbook's.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInTrusted } from '../../electron/app/signedIn';
import { reportSheets } from '../../electron/excel/returns/render';
import { todayIso } from '../../shared/format';
import { reportPeriodText, signatureParts } from '../../shared/reportPaper';
import { reportData } from '../../shared/schemas/returns';
import { cliOk } from '../cli/run';
import { call, callFails } from '../helpers/calls';
import { openDemoAt } from '../helpers/people';
import { openSession, tempDir } from '../helpers/tempDb';

/** The demo township made by the command line, as an administrator would. */
function demoDb(): string {
  const db = path.join(tempDir(), 'township.sqlite');
  cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县');
  cliOk('seed', '--db', db, '--demo');
  return db;
}

/** As JSON carries it: what a value holds, without keys left undefined. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('returns.data', () => {
  it('equals report --format json for the staffing return, and the asset ledger but for its detail', async () => {
    const db = demoDb();
    const asOf = todayIso();
    const staffingCli = JSON.parse(cliOk('report', 'staffing', '--db', db, '--as-of', asOf, '--format', 'json')) as Record<string, unknown>;
    const ledgerCli = JSON.parse(cliOk('report', 'asset-ledger', '--db', db, '--as-of', asOf, '--format', 'json')) as Record<
      string,
      unknown
    >;
    const s = await openSession(db);
    const staffing = await call(s, 'returns.data', { name: 'staffing', asOf });
    expect(staffing.tables[0]?.rows.length).toBeGreaterThan(10);
    expect(staffing.alerts?.length).toBeGreaterThan(0);
    expect(asJson(staffing)).toEqual(staffingCli);

    const ledger = await call(s, 'returns.data', { name: 'asset-ledger', asOf });
    expect(ledgerCli.ledger).toBeDefined();
    const { ledger: detail, ...ledgerTables } = ledgerCli;
    expect(detail).toBeDefined();
    expect(asJson(ledger)).toEqual(ledgerTables);
    // Money stays in 分 (integers), as in the JSON.
    const valueCol = ledger.tables[0]?.columns.find((c) => c.kind === 'money');
    expect(valueCol).toBeDefined();
    expect(Number.isInteger(ledger.tables[0]?.totals?.[valueCol?.key ?? ''])).toBe(true);
    // Four runs of the command line (init, seed, two reports), each a child process.
  }, 180_000);

  it('checks its parameters as the export does, in Chinese, naming the field', async () => {
    const s = await openDemoAt('2026-06-30');
    const e = await callFails(s, 'returns.data', { name: 'purchase-plan' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('请选择统计月份');
    expect((await callFails(s, 'returns.data', { name: 'no-such-return' })).message).toContain('没有这张报表');
  });

  it('the paper’s unit row and signature are the workbook’s, and the schema refuses a malformed return', async () => {
    const s = await openDemoAt('2026-07-03');
    const asOf = '2026-06-30';
    const report = await call(s, 'returns.data', { name: 'staffing', asOf });
    const [sheet] = reportSheets(report);
    expect(reportPeriodText(report)).toBe(sheet?.period);
    expect(reportPeriodText(report)).toContain('统计日期：2026年6月30日');
    const signature = signatureParts(report);
    expect(signature.map((p) => p.name)).toEqual([
      sheet?.signature?.operator,
      sheet?.signature?.reviewer,
      sheet?.signature?.director,
      sheet?.signature?.date,
    ]);
    // A money figure that is not a number, a row value that is an object: refused, not drawn.
    const broken = { ...report, tables: [{ ...report.tables[0], rows: [{ name: { x: 1 } }] }] };
    expect(reportData.safeParse(broken).success).toBe(false);
    expect(reportData.safeParse(report).success).toBe(true);
  });

  it('shows 只读 the 身份证号 masked, as its workbook does (paper is no way round the masking)', async () => {
    const s = await openDemoAt('2026-07-03');
    signInTrusted(s, { login: 'chakan', name: '查看员', role: 'viewer' });
    const roster = await call(s, 'returns.data', { name: 'roster', asOf: '2026-06-30' });
    const idColumn = roster.tables[0]?.columns.find((c) => c.header.includes('身份证'));
    expect(idColumn).toBeDefined();
    const ids = roster.tables[0]?.rows.map((r) => String(r[idColumn?.key ?? ''])) ?? [];
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });
});
