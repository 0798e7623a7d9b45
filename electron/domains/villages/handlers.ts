import { villageView } from '../../../shared/views';
import { iterateList } from '../../db/listQuery';
import { mapped, type HandlerMap, type OpsOf } from '../handlerTypes';
import { reportingUnit } from '../settings/service';
import { exportView } from '../../excel/exportView';
import {
  allVillageNames,
  createVillage,
  getVillage,
  listVillages,
  mapVillage,
  updateVillage,
  villageSelect,
  villageSource,
} from './service';

export const villageHandlers: HandlerMap<OpsOf<'villages'>> = {
  'villages.list': (s, q) => listVillages(s.ctx, q),
  'villages.all': (s) => allVillageNames(s.ctx),
  'villages.get': (s, { id }) => getVillage(s.ctx, id),
  'villages.create': (s, v) => createVillage(s.ctx, v),
  'villages.update': (s, { id, values }) => updateVillage(s.ctx, id, values),
  'villages.export': (s, q) =>
    exportView(reportingUnit(s.ctx), villageView, mapped(iterateList(s.db, villageSource, villageSelect, q), mapVillage), q.columns),
};
