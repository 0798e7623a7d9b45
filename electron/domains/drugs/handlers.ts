import { drugView } from '../../../shared/drugViews';
import { exportView } from '../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../handlerTypes';
import { reportingUnit } from '../settings/service';
import { getDrug, iterateDrugs, listDrugs, listEditions } from './catalog';
import { drugsToSettle, settleDrug } from './essential/settle';
import { loadEditionUpload, previewEditionUpload } from './upload';

export const drugHandlers: HandlerMap<OpsOf<'drugs'>> = {
  'drugs.list': (s, q) => listDrugs(s.ctx, q),
  'drugs.export': (s, q) => exportView(reportingUnit(s.ctx), drugView, iterateDrugs(s.ctx, q), q.columns),
  'drugs.get': (s, { id, asOf }) => getDrug(s.ctx, id, asOf),
  'drugs.editions': (s) => listEditions(s.ctx),
  'drugs.toSettle': (s, { listId }) => drugsToSettle(s.ctx, listId),
  'drugs.settle': (s, v) => {
    settleDrug(s.ctx, v);
    return getDrug(s.ctx, v.drugId);
  },
  'drugs.editionPreview': (s, u) => previewEditionUpload(s.ctx, u),
  'drugs.editionLoad': (s, u) => loadEditionUpload(s.ctx, u),
};
