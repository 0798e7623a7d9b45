import { deliveryView, shortageView } from '../../../../shared/deliveryViews';
import { exportView } from '../../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { reportingUnit } from '../../settings/service';
import { deliveryNotes, iterateDeliveries, iterateShortages, listDeliveries, listShortages } from './notes';
import { computePlan } from './plan';
import { runDelivery } from './run';

export const deliveryHandlers: HandlerMap<OpsOf<'deliveries'> | OpsOf<'shortages'>> = {
  'deliveries.preview': (s, v) => computePlan(s.db, v.month, v.deliveredOn).plan,
  'deliveries.run': (s, v) => runDelivery(s.ctx, v.month, v.deliveredOn),
  'deliveries.list': (s, q) => listDeliveries(s.ctx, q),
  'deliveries.export': (s, q) => exportView(reportingUnit(s.ctx), deliveryView, iterateDeliveries(s.ctx, q), q.columns),
  'deliveries.notes': (s, q) => deliveryNotes(s.ctx, q),
  'shortages.list': (s, q) => listShortages(s.ctx, q),
  'shortages.export': (s, q) => exportView(reportingUnit(s.ctx), shortageView, iterateShortages(s.ctx, q), q.columns),
};
