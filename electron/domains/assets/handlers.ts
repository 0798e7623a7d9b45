import { assetView } from '../../../shared/assetViews';
import { filterSortInMemory, pageInMemory } from '../../db/memoryList';
import { exportView } from '../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../handlerTypes';
import { todayIso } from '../../../shared/format';
import { reportingUnit } from '../settings/service';
import { getAsset } from './detail';
import { isHeld, ledgerAsOf } from './ledger';
import { recordMovement, reverseMovement } from './movements';
import { addSurplus, createStocktake, getStocktake, listStocktakes, markItem, markRest, notRecentlyCounted } from './stocktakes';
import { closeStocktake } from './stocktakeClose';
import { createAsset, updateAssetCard } from './write';

export const assetHandlers: HandlerMap<OpsOf<'assets'> | OpsOf<'stocktakes'>> = {
  'assets.list': (s, { asOf, ...q }) => pageInMemory(assetView, ledgerAsOf(s.db, asOf ?? todayIso(s.ctx.now())), q),
  'assets.export': (s, { asOf, ...q }) =>
    exportView(
      reportingUnit(s.ctx),
      assetView,
      filterSortInMemory(assetView, ledgerAsOf(s.db, asOf ?? todayIso(s.ctx.now())), q),
      q.columns,
    ),
  'assets.uncounted': (s, q) => pageInMemory(assetView, notRecentlyCounted(s.ctx), q),
  'assets.labels': (s, { asOf, ...q }) =>
    filterSortInMemory(assetView, ledgerAsOf(s.db, asOf ?? todayIso(s.ctx.now())).filter(isHeld), q).map(
      ({ id, code, name, model, holderName, acquiredOn }) => ({
        id,
        code,
        name,
        model,
        holderName,
        acquiredOn,
      }),
    ),
  'assets.get': (s, { id }) => getAsset(s.ctx, id),
  'assets.create': (s, v) => createAsset(s.ctx, v),
  'assets.update': (s, { id, values }) => updateAssetCard(s.ctx, id, values),
  'assets.move': (s, m) => recordMovement(s.ctx, m),
  'assets.reverse': (s, r) => reverseMovement(s.ctx, r),

  'stocktakes.list': (s) => listStocktakes(s.ctx),
  'stocktakes.get': (s, { id }) => getStocktake(s.ctx, id),
  'stocktakes.create': (s, v) => createStocktake(s.ctx, v),
  'stocktakes.mark': (s, v) => markItem(s.ctx, v),
  'stocktakes.markRest': (s, v) => markRest(s.ctx, v),
  'stocktakes.addSurplus': (s, v) => addSurplus(s.ctx, v),
  'stocktakes.close': (s, v) => closeStocktake(s.ctx, v),
};
