/** The `stock.*` operations (drugs, part 6): thin calls into the stock services beside this file. */
import { todayIso } from '../../../../shared/format';
import { stockView } from '../../../../shared/stockViews';
import { exportView } from '../../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { readSettings, reportingUnit } from '../../settings/service';
import { createDisposal, getDisposal, listDisposals } from './disposals';
import { stockLedger } from './ledger';
import { iterateStock, listStock, stockBatches } from './list';
import { adjustStock, returnToCenter, transferBetweenClinics } from './moves';
import { recordUse } from './use';
import { useSheet } from './useSheet';

export const stockHandlers: HandlerMap<OpsOf<'stock'>> = {
  'stock.list': (s, q) => listStock(s.ctx, q),
  'stock.export': (s, q) => exportView(reportingUnit(s.ctx), stockView, iterateStock(s.ctx, q), q.columns),
  'stock.batches': (s, q) =>
    stockBatches(s.db, { ...q, asOf: q.asOf ?? todayIso(s.ctx.now()), nearDays: readSettings(s.db).nearExpiryDays }),
  'stock.useSheet': (s, q) => useSheet(s.db, q.clinicId, q.month),
  'stock.recordUse': (s, v) => recordUse(s.ctx, v),
  'stock.returnToCenter': (s, v) => returnToCenter(s.ctx, v),
  'stock.transfer': (s, v) => transferBetweenClinics(s.ctx, v),
  'stock.adjust': (s, v) => adjustStock(s.ctx, v),
  'stock.ledger': (s, q) => stockLedger(s.db, q.month, q.clinicId),
  'stock.dispose': (s, v) => createDisposal(s.ctx, v),
  'stock.disposals': (s) => listDisposals(s.db),
  'stock.disposal': (s, { id }) => getDisposal(s.db, id),
};
