/** The demo township's drug catalog: 60 drugs, both editions, a 集采 price cut dated, a settled and a doubtful drug. */
import { describe, expect, it } from 'vitest';
import { drugsToSettle } from '../../electron/domains/drugs/essential/settle';
import { listDrugs } from '../../electron/domains/drugs/catalog';
import { drugListQuery } from '../../shared/schemas/drugs';
import { freshDb } from '../excel/support';

describe('demo drug catalog', () => {
  it('seeds 60 drugs and two editions; 雷尼替丁 is essential before 2026-09-01 and doubtful from it', async () => {
    const { db, ctx } = await freshDb(true);
    expect(db.prepare('SELECT count(*) FROM drugs').pluck().get()).toBe(60);
    expect(db.prepare('SELECT count(*) FROM essential_lists').pluck().get()).toBe(2);
    const status = (name: string, asOf: string) =>
      listDrugs(ctx, drugListQuery.parse({ asOf, search: name })).rows.find((r) => r.genericName === name)?.essential;
    expect(status('雷尼替丁胶囊', '2026-08-31')).toBe('essential');
    // The platform still marks it 基药: with the 2026 list silent, a conflict for the clerk.
    expect(status('雷尼替丁胶囊', '2026-09-01')).toBe('doubtful');
    expect(status('达格列净片', '2026-08-31')).toBe('not_essential');
    expect(status('达格列净片', '2026-09-01')).toBe('essential');
    expect(status('盐酸二甲双胍片', '2026-03-01')).toBe('essential');
    expect(status('头孢克肟胶囊', '2026-03-01')).toBe('not_essential');
    expect(drugsToSettle(ctx).map((r) => r.genericName)).toContain('苯磺酸氨氯地平片');
    expect(db.prepare("SELECT count(*) FROM drugs WHERE vbp_batch <> ''").pluck().get()).toBeGreaterThan(10);
    const amox = db
      .prepare("SELECT count(*) FROM drug_prices p JOIN drugs d ON d.id = p.drug_id WHERE d.generic_name = '阿莫西林胶囊'")
      .pluck()
      .get();
    expect(amox).toBe(2);
    const essential = listDrugs(
      ctx,
      drugListQuery.parse({ asOf: '2026-03-01', filters: [{ id: 'essential', value: ['essential'] }], limit: 500 }),
    );
    expect(essential.total).toBeGreaterThan(35);
  });
});
