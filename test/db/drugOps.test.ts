/**
 * The drug catalog's operations through the real dispatcher (output checked against the
 * contract): the platform export and an edition of the essential list uploaded as base64, the
 * list as of a date with its filters, a drug's detail, settling a doubtful drug, the export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callFails, expectChinese } from '../helpers/calls';
import { auditCount, dumpDb, openSession, tempDir } from '../helpers/tempDb';
import { essentialList, platformA } from '../excel/drugFixtures';

const b64 = (file: string) => fs.readFileSync(file).toString('base64');

describe('drugs.* operations', () => {
  it('imports the catalog, loads an edition, lists by date, settles a doubtful drug, exports', async () => {
    const s = await openSession();
    const dir = tempDir();
    const catalog = { kind: 'drugs' as const, fileName: '平台目录.xlsx', base64: b64(await platformA(path.join(dir, 'a.xlsx'))) };
    expect((await call(s, 'import.preview', catalog)).create).toHaveLength(5);
    expect(await call(s, 'import.commit', catalog)).toMatchObject({ kind: 'drugs', created: 5 });

    const list = await essentialList(path.join(dir, 'e.xlsx'), '国家基本药物目录（2018年版）', [
      ['阿莫西林', '口服常释剂型', '0.25g'],
      ['二甲双胍', '口服常释剂型', '0.5g'],
    ]);
    const upload = { fileName: '基药目录.xlsx', base64: b64(list), effectiveOn: '2018-11-01' };
    const before = dumpDb(s.db);
    const p = await call(s, 'drugs.editionPreview', upload);
    expect(p).toMatchObject({ name: '国家基本药物目录（2018年版）', entries: 2, essential: 1, replaces: null });
    expect(p.doubtful.map((d) => d.label)).toEqual(['HD0003 头孢克洛胶囊 0.25g*12粒', 'HD0004 盐酸二甲双胍片 0.5g*48片']);
    expect(dumpDb(s.db)).toBe(before);
    await call(s, 'drugs.editionLoad', upload);
    expect((await call(s, 'drugs.editions', {})).map((e) => [e.name, e.essential, e.doubtful])).toEqual([
      ['国家基本药物目录（2018年版）', 1, 2],
    ]);

    const page = await call(s, 'drugs.list', { asOf: '2026-03-01', filters: [{ id: 'essential', value: ['doubtful'] }] });
    expect(page.rows.map((r) => r.genericName)).toEqual(['头孢克洛胶囊', '盐酸二甲双胍片']);
    const sorted = await call(s, 'drugs.list', { sort: [{ id: 'priceFen', desc: true }] });
    expect(sorted.rows.map((r) => r.priceFen)).toEqual([1530, 1250, 980, 690, 406]);

    const toSettle = await call(s, 'drugs.toSettle', {});
    const metformin = toSettle.find((r) => r.genericName === '盐酸二甲双胍片')!;
    const audits = auditCount(s.db);
    const noNote = await callFails(s, 'drugs.settle', { drugId: metformin.drugId, listId: metformin.listId, essential: true, note: '' });
    expectChinese(noNote.message);
    expect(auditCount(s.db)).toBe(audits);
    const d = await call(s, 'drugs.settle', {
      drugId: metformin.drugId,
      listId: metformin.listId,
      essential: true,
      note: '凡例：盐基不同的均为目录药品',
    });
    expect(d.editions[0]).toMatchObject({ status: 'essential', how: 'manual', decidedBy: '管理员' });
    expect(auditCount(s.db)).toBe(audits + 1);
    expect((await call(s, 'drugs.toSettle', {})).map((r) => r.genericName)).toEqual(['头孢克洛胶囊']);

    const detail = await call(s, 'drugs.get', { id: d.drug.id });
    expect(detail.prices).toHaveLength(1);
    const file = await call(s, 'drugs.export', { asOf: '2026-03-01' });
    expect(file.fileName).toMatch(/药品目录/);

    const bad = await callFails(s, 'drugs.editionLoad', { ...upload, effectiveOn: '2018-13-01' });
    expectChinese(bad.message);
  });
});
