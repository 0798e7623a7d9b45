/**
 * A small drug catalog for the requisition tests, made the way the app makes one: drugs saved
 * as a platform export saves them (write.ts saveDrug), an edition of the essential list loaded
 * from a sheet laid out as the national list (load.ts loadEdition), batches received into the
 * center's store and moved with the one stock writer (movements.ts recordMovement).
 */
import type { Session } from '../../electron/app/session';
import { makeContext, type ServiceContext } from '../../electron/db/context';
import { loadEdition } from '../../electron/domains/drugs/essential/load';
import { CENTER, recordMovement } from '../../electron/domains/drugs/stock/movements';
import { saveDrug } from '../../electron/domains/drugs/write';
import { drugInput } from '../../shared/schemas/drugs';

/** Nine essential drugs (each an entry of the edition), one outside the list, one doubtful (a salt the list does not name). */
export const ESSENTIAL = [
  '阿莫西林胶囊',
  '布洛芬片',
  '对乙酰氨基酚片',
  '硝苯地平片',
  '卡托普利片',
  '甲硝唑片',
  '氯雷他定片',
  '奥美拉唑胶囊',
  '阿司匹林片',
];
const ENTRIES = ['阿莫西林', '布洛芬', '对乙酰氨基酚', '硝苯地平', '卡托普利', '甲硝唑', '氯雷他定', '奥美拉唑', '阿司匹林', '二甲双胍'];
export const OUTSIDE = '头孢克洛胶囊';
export const DOUBTFUL = '盐酸二甲双胍片';

export interface Catalog {
  ctx: ServiceContext;
  /** Drug id by generic name. */
  id: Record<string, number>;
  code: Record<string, string>;
}

/** Every drug at 10.00 元 a pack, except those given; the edition in force from 2018-11-01. */
export function seedCatalog(s: Session, prices: Record<string, number> = {}): Catalog {
  const ctx = makeContext(s.db, '测试', () => new Date('2026-01-02T04:00:00Z'));
  const id: Record<string, number> = {};
  const code: Record<string, string> = {};
  [...ESSENTIAL, OUTSIDE, DOUBTFUL].forEach((name, i) => {
    const platformCode = `YP${String(i + 1).padStart(4, '0')}`;
    const v = drugInput.parse({
      platformCode,
      genericName: name,
      form: name.endsWith('胶囊') ? '胶囊剂' : '片剂',
      spec: '0.25g*24',
      packUnit: '盒',
      maker: '某某制药有限公司',
      priceFen: prices[name] ?? 1000,
    });
    s.db.transaction(() => {
      id[name] = saveDrug(ctx, v, null, '2026-01-01', '测试');
    })();
    code[name] = platformCode;
  });
  const rows = [
    { number: 1, cells: ['国家基本药物目录（2018年版）'] },
    { number: 2, cells: ['序号', '品种名称', '剂型', '规格'] },
    ...ENTRIES.map((n, i) => ({ number: i + 3, cells: [i + 1, n, '口服常释剂型', ''] })),
  ];
  loadEdition(ctx, { source: 'test.xlsx', sheetName: 'Sheet1', rows }, { effectiveOn: '2018-11-01' });
  return { ctx, id, code };
}

/** A batch of a drug received into the center's store on a day; returns the batch id. */
export function receive(ctx: ServiceContext, drugId: number, packs: number, on: string, priceFen = 1000): number {
  const batch = Number(
    ctx.db
      .prepare(
        `INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, '2029-12-31', ?, ?, ?)`,
      )
      .run(drugId, `L${on.replace(/-/g, '')}${drugId}`, priceFen, on, ctx.now().toISOString()).lastInsertRowid,
  );
  recordMovement(ctx, { batchId: batch, place: CENTER, kind: 'receipt', movedOn: on, packs });
  return batch;
}

/** Goods from the center to a clinic (two movements), then used there on the days given. */
export function deliverAndUse(
  ctx: ServiceContext,
  batch: number,
  clinicId: number,
  packs: number,
  on: string,
  uses: [string, number][] = [],
): void {
  recordMovement(ctx, { batchId: batch, place: CENTER, kind: 'delivery', movedOn: on, packs: -packs, other: { clinicId } });
  recordMovement(ctx, { batchId: batch, place: clinicId, kind: 'delivery', movedOn: on, packs, other: 'center' });
  for (const [day, n] of uses)
    recordMovement(ctx, { batchId: batch, place: clinicId, kind: 'use', movedOn: day, packs: -n, salePriceFen: 1000 });
}
