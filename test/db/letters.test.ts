/**
 * P1 through the real dispatcher: the year's letters list every clinic (none / unsigned /
 * signed), a new letter starts from the documented default targets (D3 from the settings),
 * targets are edited until signed and fixed after, signing is registered with date and both
 * signers, and a refused save changes nothing. Also the 考核细则 upload ops (P6).
 */
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, callFails, expectChinese } from '../helpers/calls';
import { addClinic, openDemoAt, openSessionAt } from '../helpers/people';
import { dumpDb, tempDir } from '../helpers/tempDb';
import { withoutPointsColumn } from '../excel/templateFixtures';

describe('responsibility letters (P1)', () => {
  it('lists every clinic of the year, edits targets until signed, registers the signing', async () => {
    const s = await openSessionAt('2026-02-10');
    const east = await addClinic(s, '东村', 1200, 'C001');
    const west = await addClinic(s, '西村', 900, 'C002');
    expect((await call(s, 'letters.list', { year: 2026 })).map((l) => [l.clinicName, l.status])).toEqual([
      ['东村村卫生室', 'none'],
      ['西村村卫生室', 'none'],
    ]);
    const fresh = await call(s, 'letters.get', { clinicId: east, year: 2026 });
    expect(fresh.letterId).toBeNull();
    expect(fresh.targetRows.map((t) => `${t.target} ${t.quantity}${t.unit}`)).toContain('非基本药物使用金额占比 ≤ 10%');

    const saved = await call(s, 'letters.save', {
      clinicId: east,
      year: 2026,
      targets: [
        { target: '工作日在岗率', quantity: '≥ 98', unit: '%' },
        { target: '参加例会', quantity: '12', unit: '次' },
      ],
    });
    expect(saved).toMatchObject({ status: 'unsigned', targets: 2 });
    const empty = await callFails(s, 'letters.save', { clinicId: east, year: 2026, targets: [] });
    expect(empty.message).toContain('至少要有一项目标');

    const late = await callFails(s, 'letters.sign', {
      clinicId: east,
      year: 2026,
      signedOn: '2027-01-03',
      centerSigner: '王院长',
      clinicSigner: '张建国',
    });
    expect(late.message).toContain('签订日期不能晚于责任书年度');
    const signed = await call(s, 'letters.sign', {
      clinicId: east,
      year: 2026,
      signedOn: '2026-01-15',
      centerSigner: '王院长',
      clinicSigner: '张建国',
    });
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-01-15', centerSigner: '王院长', clinicSigner: '张建国' });

    const before = dumpDb(s.db);
    const fixed = await callFails(s, 'letters.save', { clinicId: east, year: 2026, targets: [{ target: '改过的目标' }] });
    expect(fixed.code).toBe('CONFLICT');
    expectChinese(fixed.message);
    expect(fixed.message).toContain('已于 2026-01-15 签订');
    expect(dumpDb(s.db)).toEqual(before);

    expect(await call(s, 'letters.createMissing', { year: 2026 })).toEqual({ created: 1 });
    expect((await call(s, 'letters.list', { year: 2026 })).map((l) => [l.clinicId, l.status, l.targets])).toEqual([
      [east, 'signed', 2],
      [west, 'unsigned', 11],
    ]);
  });

  it('previews a county template with its warnings and loads it as the next version after the default', async () => {
    const s = await openSessionAt('2026-02-10');
    const file = await withoutPointsColumn(path.join(tempDir(), '细则.xlsx'));
    const upload = { fileName: '细则.xlsx', base64: fs.readFileSync(file).toString('base64'), effectiveFrom: '2026-03' };
    const v1 = await call(s, 'templates.loadDefault', {});
    expect(v1).toMatchObject({ version: 1, current: true });
    const p = await call(s, 'templates.preview', upload);
    expect(p).toMatchObject({ version: 2, templateId: null, items: 10 });
    expect((await call(s, 'templates.list', {})).length).toBe(1);
    const loaded = await call(s, 'templates.load', upload);
    expect((await call(s, 'templates.inForce', { month: '2026-03' }))?.id).toBe(loaded.templateId);
    expect((await call(s, 'templates.inForce', { month: '2026-02' }))?.id).toBe(v1.id);
    // A version loaded by mistake is removed while unused; one in use is refused (P6).
    expect((await call(s, 'templates.remove', { id: loaded.templateId ?? 0 })).map((t) => t.version)).toEqual([1]);
    const clinicId = await addClinic(s, '东村', 1000, 'C009');
    s.db
      .prepare(
        "INSERT INTO visits (clinic_id, month, visited_on, template_id, created_at, updated_at) VALUES (?, '2026-02', '2026-02-05', ?, 'x', 'x')",
      )
      .run(clinicId, v1.id);
    const inUse = await callFails(s, 'templates.remove', { id: v1.id });
    expect(inUse.message).toContain('已用于 1 次督导评分，不能删除');
    const bad = await callFails(s, 'templates.load', { ...upload, effectiveFrom: '2026-13' });
    expect(bad.message).toContain('月份格式');
  });

  it("the demo has the default template as version 1 and this year's letters, all signed but one", async () => {
    const s = await openDemoAt('2026-06-15');
    const versions = await call(s, 'templates.list', {});
    expect(versions.map((t) => [t.version, t.effectiveFrom, t.current, t.baseTenths, t.bonusCapTenths])).toEqual([
      [1, '2000-01', true, 1000, 100],
    ]);
    const letters = await call(s, 'letters.list', { year: 2026 });
    const open = letters.filter((l) => l.status !== 'none');
    expect(open.length).toBeGreaterThan(5);
    expect(letters.filter((l) => l.status === 'unsigned')).toHaveLength(1);
    expect(
      letters.filter((l) => l.status === 'signed').every((l) => l.centerSigner === '张卫东' && l.signedOn?.startsWith('2026-01')),
    ).toBe(true);
  });
});
