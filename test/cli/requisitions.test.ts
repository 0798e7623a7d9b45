/**
 * `requisition approve` / `requisition list` and `report purchase-plan --format json` on the
 * demo township: the held requisition of this month (over the D3 share) is refused without a
 * reason and for a clinic without one, approved with a reason, then enters the purchase plan.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDb';
import { cli, cliOk } from './run';

interface PlanJson {
  figures: { drugs: number; clinics: number; amountFen: number; held: number };
  tables: { rows: Record<string, string | number | null>[] }[];
}

describe('cli: requisitions', () => {
  it('approves the held requisition with a reason and the plan counts it', { timeout: 180_000 }, async () => {
    const db = path.join(tempDir(), 'township.sqlite');
    cliOk('seed', '--db', db, '--demo');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const list = cliOk('requisition', 'list', '--db', db, '--month', month);
    expect(list).toContain('张庄村卫生室：待审批');
    expect(list).toContain('（超出份额）');

    const noReason = cli('requisition', 'approve', '--db', db, '--month', month, '--clinic', '张庄');
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain('缺少 --reason（审批理由');
    const notHeld = cli('requisition', 'approve', '--db', db, '--month', month, '--clinic', '王屯村卫生室', '--reason', '同意');
    expect(notHeld.stderr).toContain('王屯村卫生室');
    expect(notHeld.stderr).toContain('已经批准（D3 自动），不需要审批');
    const none = cli('requisition', 'approve', '--db', db, '--month', '2020-01', '--clinic', '张庄', '--reason', '同意');
    expect(none.stderr).toContain('张庄村卫生室 没有 2020-01 的请领单');
    const unknown = cli('requisition', 'approve', '--db', db, '--month', month, '--clinic', '不存在村', '--reason', '同意');
    expect(unknown.stderr).toContain('没有名为“不存在村”的村卫生室');

    const before = JSON.parse(cliOk('report', 'purchase-plan', '--db', db, '--month', month, '--format', 'json')) as PlanJson;
    expect(before.figures.held).toBe(1);
    const ok = cliOk(
      'requisition',
      'approve',
      '--db',
      db,
      '--month',
      month,
      '--clinic',
      '张庄村',
      '--reason',
      '慢病患者长期用药，经院务会同意',
    );
    expect(ok).toContain('已批准 张庄村卫生室');
    const after = JSON.parse(cliOk('report', 'purchase-plan', '--db', db, '--month', month, '--format', 'json')) as PlanJson;
    expect(after.figures.held).toBe(0);
    expect(after.figures.clinics).toBe(before.figures.clinics + 1);
    expect(after.figures.amountFen).toBeGreaterThan(before.figures.amountFen);
    const rows = after.tables[0]?.rows ?? [];
    expect(rows.reduce((n, r) => n + Number(r.amountFen), 0)).toBe(after.figures.amountFen);
    expect(cliOk('requisition', 'list', '--db', db, '--month', month)).toContain('张庄村卫生室：已批准');

    const out = path.join(tempDir(), '上传.xlsx');
    expect(cliOk('purchase', 'upload', '--db', db, '--month', month, '--out', out)).toContain(`${after.figures.drugs} 种药品`);
  });
});
