import { alertView, personView } from '../../../shared/peopleViews';
import { iterateList } from '../../db/listQuery';
import { filterSortInMemory, pageInMemory } from '../../db/memoryList';
import { exportView } from '../../excel/exportView';
import { mapped, type HandlerMap, type OpsOf } from '../handlerTypes';
import { reportingUnit } from '../settings/service';
import { computeAlerts } from './alerts';
import { getPerson } from './detail';
import { asOfToday, listPeople, mapPerson, personOptions, personSelect, personSourceFor } from './list';
import { recordExitDecision } from './exitDecisions';
import { removeRecord, saveRecord } from './records';
import { createPerson, exitPerson, updatePerson } from './write';
import { createDoctor } from './newDoctor';

export const peopleHandlers: HandlerMap<OpsOf<'people'> | OpsOf<'alerts'>> = {
  'people.list': (s, q) => listPeople(s.ctx, q),
  'people.get': (s, { id }) => getPerson(s.ctx, id),
  'people.create': (s, v) => createPerson(s.ctx, v),
  'people.createDoctor': (s, v) => createDoctor(s.ctx, v),
  'people.update': (s, { id, values }) => updatePerson(s.ctx, id, values),
  'people.exit': (s, e) => exitPerson(s.ctx, e),
  'people.saveRecord': (s, { personId, id, record }) => saveRecord(s.ctx, personId, id, record),
  'people.removeRecord': (s, { personId, table, id }) => removeRecord(s.ctx, personId, table, id),
  'people.recordExitDecision': (s, v) => recordExitDecision(s.ctx, v),
  'people.options': (s) => personOptions(s.ctx),
  'people.export': (s, q) => {
    const asOf = asOfToday(s.ctx);
    return exportView(
      reportingUnit(s.ctx),
      personView,
      mapped(iterateList(s.db, personSourceFor(s.ctx), personSelect, q, { asOf }), mapPerson(asOf)),
      q.columns,
    );
  },

  'alerts.list': (s, { asOf }) => computeAlerts(s.db, asOf ?? asOfToday(s.ctx)),
  'alerts.page': (s, q) => pageInMemory(alertView, computeAlerts(s.db, asOfToday(s.ctx)).alerts, q),
  'alerts.export': (s, q) =>
    exportView(reportingUnit(s.ctx), alertView, filterSortInMemory(alertView, computeAlerts(s.db, asOfToday(s.ctx)).alerts, q), q.columns),
};
