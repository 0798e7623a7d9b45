/**
 * D5: expired stock is cleared to the center and disposed of there, at intervals, each time
 * recorded: a `drug_disposals` head (day, method, two different witnesses — the table's CHECK
 * too —, note) and one 'dispose' movement at the center per batch. Only batches expired on the
 * day (their 有效期至 before it) can be disposed of; the printed 过期药品销毁记录 reads it back.
 */
import { chineseDate, yuanText } from '../../../../shared/format';
import type { DisposalInput, DisposalRecord } from '../../../../shared/schemas/stock';
import { isExpiredOn } from '../../../../shared/rules/fefo';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError, notFound } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { CENTER, recordMovement } from './movements';
import { batchInfo, ensureAvailable } from './places';

export function createDisposal(ctx: ServiceContext, v: DisposalInput): DisposalRecord {
  const seen = new Set<number>();
  const batches = v.lines.map((l, i) => {
    if (seen.has(l.batchId)) throw new AppError('VALIDATION', `第 ${i + 1} 行：同一批次选了两次`, { field: `lines.${i}.batchId` });
    seen.add(l.batchId);
    const b = batchInfo(ctx.db, l.batchId);
    if (!isExpiredOn(b.expiresOn, v.disposedOn))
      throw new AppError(
        'VALIDATION',
        `第 ${i + 1} 行：${b.drugName} 批号 ${b.lotNo} 有效期至 ${chineseDate(b.expiresOn)}，在 ${chineseDate(v.disposedOn)} 尚未过期，不能销毁（D5 只销毁过期药品）`,
        { field: `lines.${i}.batchId` },
      );
    return { b, packs: l.packs };
  });
  const id = ctx.db
    .transaction(() => {
      const disposalId = Number(
        stmt(
          ctx.db,
          `INSERT INTO drug_disposals (disposed_on, method, witness1, witness2, note, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(v.disposedOn, v.method, v.witness1, v.witness2, v.note, ctx.now().toISOString(), ctx.actor).lastInsertRowid,
      );
      let amount = 0;
      for (const { b, packs } of batches) {
        ensureAvailable(ctx, b, CENTER, v.disposedOn, packs);
        recordMovement(ctx, {
          batchId: b.id,
          place: CENTER,
          kind: 'dispose',
          movedOn: v.disposedOn,
          packs: -packs,
          disposalId,
          reason: v.method,
        });
        amount += packs * b.priceFen;
      }
      audit(ctx, {
        action: 'stock.dispose',
        entity: 'drug_disposal',
        entityId: disposalId,
        summary: `过期药品销毁（${v.disposedOn}，${v.method}）${batches.length} 个批次，金额 ${yuanText(amount)}，监销人 ${v.witness1}、${v.witness2}`,
        after: v,
      });
      return disposalId;
    })
    .immediate();
  return getDisposal(ctx.db, id);
}

interface HeadRow {
  id: number;
  disposedOn: string;
  method: string;
  witness1: string;
  witness2: string;
  note: string;
  createdBy: string;
}

const HEAD = `SELECT id, disposed_on AS disposedOn, method, witness1, witness2, note, created_by AS createdBy FROM drug_disposals`;

function withLines(db: Db, h: HeadRow): DisposalRecord {
  const lines = stmt(
    db,
    `SELECT m.batch_id AS batchId, d.generic_name AS drugName, d.spec, d.pack_unit AS packUnit, b.lot_no AS lotNo,
            b.expires_on AS expiresOn, -m.packs AS packs, m.price_fen AS priceFen, -m.amount_fen AS amountFen
       FROM stock_movements m JOIN drug_batches b ON b.id = m.batch_id JOIN drugs d ON d.id = m.drug_id
      WHERE m.disposal_id = ? ORDER BY m.id`,
  ).all(h.id) as DisposalRecord['lines'];
  return {
    ...h,
    lines,
    packs: lines.reduce((n, l) => n + l.packs, 0),
    amountFen: lines.reduce((n, l) => n + l.amountFen, 0),
  };
}

export function getDisposal(db: Db, id: number): DisposalRecord {
  const h = stmt(db, `${HEAD} WHERE id = ?`).get(id) as HeadRow | undefined;
  if (!h) throw notFound('销毁记录');
  return withLines(db, h);
}

/** Every disposal, or those of a period (inclusive), latest first. */
export function listDisposals(db: Db, period: { from?: string; to?: string } = {}): DisposalRecord[] {
  const heads = stmt(db, `${HEAD} WHERE disposed_on >= ? AND disposed_on <= ? ORDER BY disposed_on DESC, id DESC`).all(
    period.from ?? '0000-00-00',
    period.to ?? '9999-99-99',
  ) as HeadRow[];
  return heads.map((h) => withLines(db, h));
}
