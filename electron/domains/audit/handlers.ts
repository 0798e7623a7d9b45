import { auditView } from '../../../shared/views';
import { iterateList } from '../../db/listQuery';
import { exportView } from '../../excel/exportView';
import { mapped, type HandlerMap, type OpsOf } from '../handlerTypes';
import { reportingUnit } from '../settings/service';
import { auditSelect, auditSource, listAudit, mapAudit } from './service';

export const auditHandlers: HandlerMap<OpsOf<'audit'>> = {
  'audit.list': (s, q) => listAudit(s.ctx, q),
  'audit.export': (s, q) =>
    exportView(reportingUnit(s.ctx), auditView, mapped(iterateList(s.db, auditSource, auditSelect, q), mapAudit), q.columns),
};
