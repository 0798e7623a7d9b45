/**
 * `deliver --month --date` and `report shortages` on the command line (issue 10 part 5): its
 * Chinese refusals, a dry run that writes nothing, the run itself, a second run refused with
 * nothing left, and the month's shortage register as JSON.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { catalogDrug, requisition } from '../helpers/delivery';
import { addClinic, openSessionAt } from '../helpers/people';
import { sha256, tempDbPath } from '../helpers/tempDb';
import { cli, cliOk } from './run';

async function township(): Promise<string> {
  const file = tempDbPath();
  const s = await openSessionAt('2026-12-06', file);
  const east = await addClinic(s, '东庄', 1200, 'C001');
  const west = await addClinic(s, '西庄', 900, 'C002');
  const amox = catalogDrug(s.db, 'P001', '阿莫西林胶囊', 1250);
  const met = catalogDrug(s.db, 'P002', '二甲双胍片', 800, '0.5g*48片');
  await call(s, 'receipts.create', {
    receivedOn: '2026-11-20',
    supplier: '国药控股',
    lines: [{ drugId: amox, lotNo: 'A1', expiresOn: '2028-06-30', packs: 30, priceFen: 1250 }],
  });
  requisition(s.db, east, '2026-12', [
    [amox, 10],
    [met, 2],
  ]);
  requisition(s.db, west, '2026-12', [[amox, 5]]);
  s.close();
  return file;
}

describe('cli: deliver', () => {
  it('refuses in Chinese without --month or with a bad --date, and writes nothing', { timeout: 120_000 }, async () => {
    const db = await township();
    const before = sha256(db);
    const noMonth = cli('deliver', '--db', db, '--date', '2026-12-05');
    expect(noMonth.code).not.toBe(0);
    expect(noMonth.stderr).toContain('缺少 --month');
    const badDate = cli('deliver', '--db', db, '--month', '2026-12', '--date', '2026-13-05');
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('--date 应为配送日期');
    const noDb = cli('deliver', '--db', `${db}.missing`, '--month', '2026-12', '--date', '2026-12-05');
    expect(noDb.stderr).toContain('找不到数据库文件');
    expect(sha256(db)).toBe(before);
  });

  it('previews, delivers once, refuses a second run with nothing left, and reports the shortages', { timeout: 120_000 }, async () => {
    const db = await township();
    const preview = cliOk('deliver', '--db', db, '--month', '2026-12', '--date', '2026-12-05', '--dry-run');
    expect(preview).toContain('预览，未写入');
    expect(preview).toContain('短缺：二甲双胍片 0.5g*48片 2 盒（中心库无此药）');
    const raw = () => new Database(db, { readonly: true });
    const r1 = raw();
    expect(r1.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(0);
    r1.close();

    const out = cliOk('deliver', '--db', db, '--month', '2026-12', '--date', '2026-12-05');
    expect(out).toContain('已配送：2 张配送单，登记短缺 1 项');
    const again = cli('deliver', '--db', db, '--month', '2026-12', '--date', '2026-12-06');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('都已配送或登记为短缺');

    const r2 = raw();
    expect(r2.prepare("SELECT count(*) FROM stock_movements WHERE kind = 'delivery'").pluck().get()).toBe(4);
    expect(r2.prepare('SELECT recorded_by FROM stock_movements WHERE kind = ? LIMIT 1').pluck().get('delivery')).toMatch(/^本机命令行/);
    r2.close();

    const report = JSON.parse(cliOk('report', 'shortages', '--db', db, '--month', '2026-12', '--format', 'json')) as {
      figures: Record<string, number>;
      tables: { rows: Record<string, unknown>[] }[];
    };
    expect(report.figures).toEqual({ lines: 1, packs: 2, drugs: 1, clinics: 1 });
    expect(report.tables[0]?.rows[0]).toMatchObject({
      clinic: '东庄村卫生室',
      drug: '二甲双胍片',
      packs: 2,
      reason: '中心库无此药',
      recordedOn: '2026-12-05',
    });
    const noMonth = cli('report', 'shortages', '--db', db, '--format', 'json');
    expect(noMonth.stderr).toContain('请选择统计月份');
  });
});
