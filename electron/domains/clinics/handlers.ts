import { clinicView } from '../../../shared/views';
import { iterateList } from '../../db/listQuery';
import { exportView } from '../../excel/exportView';
import { mapped, type HandlerMap, type OpsOf } from '../handlerTypes';
import { reportingUnit } from '../settings/service';
import {
  clinicOptions,
  clinicParams,
  clinicSelect,
  clinicSource,
  closeClinic,
  createClinic,
  getClinic,
  listClinics,
  mapClinic,
  reopenClinic,
  updateClinic,
} from './service';
import { previewCoverage } from './preview';
import { clinicFile } from './file';

export const clinicHandlers: HandlerMap<OpsOf<'clinics'>> = {
  'clinics.list': (s, q) => listClinics(s.ctx, q),
  'clinics.get': (s, { id }) => getClinic(s.ctx, id),
  'clinics.create': (s, v) => createClinic(s.ctx, v),
  'clinics.update': (s, { id, values }) => updateClinic(s.ctx, id, values),
  'clinics.close': (s, { id, closedOn, reason }) => closeClinic(s.ctx, id, closedOn, reason),
  'clinics.reopen': (s, { id }) => reopenClinic(s.ctx, id),
  'clinics.options': (s) => clinicOptions(s.db),
  'clinics.previewCoverage': (s, v) => previewCoverage(s.ctx, v),
  'clinics.file': (s, { id, asOf }) => clinicFile(s.ctx, id, asOf),
  'clinics.export': (s, q) =>
    exportView(
      reportingUnit(s.ctx),
      clinicView,
      mapped(iterateList(s.db, clinicSource, clinicSelect, q, clinicParams(s.ctx)), mapClinic),
      q.columns,
    ),
};
