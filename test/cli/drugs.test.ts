/** `import drugs` and `import essential-list` on the command line: preview, load, dated prices, refusals. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDb';
import { essentialList, platformA } from '../excel/drugFixtures';
import { cli, cliOk } from './run';

describe('cli: drug catalog', () => {
  it('imports the platform export, loads an edition, and dates re-imported prices with --effective', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县');
    const a = await platformA(path.join(dir, '平台目录.xlsx'));
    expect(cliOk('import', 'drugs', a, '--db', db, '--dry-run')).toContain('HD0001');
    expect(cliOk('import', 'drugs', a, '--db', db)).toContain('新增 5 种');
    const list = await essentialList(path.join(dir, '基药2018.xlsx'), '国家基本药物目录（2018年版）', [
      ['阿莫西林', '口服常释剂型', '0.25g'],
    ]);
    const missing = cli('import', 'essential-list', list, '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('缺少 --effective');
    const out = cliOk('import', 'essential-list', list, '--db', db, '--effective', '2018-11-01');
    expect(out).toContain('国家基本药物目录（2018年版）（2018-11-01 起执行）');
    expect(out).toContain('基药 1 种');
    const b = await platformA(path.join(dir, '平台目录2.xlsx'), [
      ['HD0001', '阿莫西林胶囊', '阿莫仙', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 9.5, '国基', '', '甲类'],
    ]);
    cliOk('import', 'drugs', b, '--db', db, '--effective', '2026-07-01');
    const raw = new Database(db, { readonly: true });
    try {
      const prices = raw.prepare('SELECT effective_on, price_fen FROM drug_prices WHERE drug_id = 1 ORDER BY id').raw().all();
      expect(prices[1]).toEqual(['2026-07-01', 950]);
      expect(raw.prepare('SELECT status FROM drug_essential WHERE drug_id = 1').pluck().get()).toBe('essential');
    } finally {
      raw.close();
    }
  });
});
