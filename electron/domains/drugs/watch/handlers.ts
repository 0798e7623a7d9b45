import { todayIso } from '../../../../shared/format';
import { vbpCoverView, vbpVolumeView } from '../../../../shared/drugWatchViews';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { notFound } from '../../../db/errors';
import { pageInMemory, filterSortInMemory } from '../../../db/memoryList';
import { stmt } from '../../../db/stmt';
import { exportView } from '../../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { reportingUnit } from '../../settings/service';
import { drugWatchSummary } from './summary';
import { vbpCoverRows, vbpVolumeRows } from './vbp';

const dayOf = (ctx: ServiceContext, asOf?: string) => asOf ?? todayIso(ctx.now());

/** D6: the clerk's agreed annual volume of a 集采 drug, audited with the old value. */
function setVbpVolume(ctx: ServiceContext, id: number, annualPacks: number | null): void {
  ctx.db
    .transaction(() => {
      const old = stmt(ctx.db, 'SELECT generic_name, spec, vbp_annual_packs FROM drugs WHERE id = ?').get(id) as
        { generic_name: string; spec: string; vbp_annual_packs: number | null } | undefined;
      if (!old) throw notFound('药品');
      stmt(ctx.db, 'UPDATE drugs SET vbp_annual_packs = ?, updated_at = ? WHERE id = ?').run(annualPacks, ctx.now().toISOString(), id);
      audit(ctx, {
        action: 'update',
        entity: 'drug',
        entityId: id,
        summary: `集采约定年采购量：${old.generic_name} ${old.spec} ${old.vbp_annual_packs ?? '未填'} → ${annualPacks ?? '未填'}`,
        before: { annualPacks: old.vbp_annual_packs },
        after: { annualPacks },
      });
    })
    .immediate();
}

export const drugWatchHandlers: HandlerMap<OpsOf<'drugWatch'>> = {
  'drugWatch.summary': (s, { asOf }) => drugWatchSummary(s.db, dayOf(s.ctx, asOf)),
  'drugWatch.vbpCover': (s, q) => pageInMemory(vbpCoverView, vbpCoverRows(s.db, dayOf(s.ctx, q.asOf)), q),
  'drugWatch.vbpCoverExport': (s, q) =>
    exportView(
      reportingUnit(s.ctx),
      vbpCoverView,
      filterSortInMemory(vbpCoverView, vbpCoverRows(s.db, dayOf(s.ctx, q.asOf)), q),
      q.columns,
    ),
  'drugWatch.vbpVolume': (s, q) => pageInMemory(vbpVolumeView, vbpVolumeRows(s.db, dayOf(s.ctx, q.asOf)), q),
  'drugWatch.vbpVolumeExport': (s, q) =>
    exportView(
      reportingUnit(s.ctx),
      vbpVolumeView,
      filterSortInMemory(vbpVolumeView, vbpVolumeRows(s.db, dayOf(s.ctx, q.asOf)), q),
      q.columns,
    ),
  'drugWatch.setVbpVolume': (s, { id, annualPacks }) => {
    setVbpVolume(s.ctx, id, annualPacks);
    return vbpVolumeRows(s.db, todayIso(s.ctx.now())).find((r) => r.id === id) ?? null;
  },
};
