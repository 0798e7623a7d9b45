/**
 * The handler table: one entry per contract operation, typed from `shared/contract.ts`, so a
 * missing or mistyped handler fails the typecheck. Handlers receive input already validated
 * by the dispatcher and stay thin: they pick the service and the database of the session.
 */
import type { OpName, Output, ParsedInput } from '../shared/contract';
import { clinicView, villageView, auditView } from '../shared/views';
import type { Session } from './core/session';
import { AppError } from './core/errors';
import { backupDatabase, listBackups } from './db/backup';
import { latestVersion } from './db/migrations';
import { exportView } from './excel/exportView';
import { exportReturnFile, returnCatalog } from './excel/returns';
import { auditSelect, auditSource, listAudit, mapAudit } from './services/auditLog';
import { clinicParams, clinicSelect, clinicSource, closeClinic, createClinic, getClinic, listClinics, mapClinic, reopenClinic, updateClinic } from './services/clinics';
import { getDashboard } from './services/dashboard';
import { refreshClinics, refreshVillages } from './services/registryFigures';
import { readSettings, updateSettings } from './services/settings';
import { allVillageNames, createVillage, getVillage, listVillages, mapVillage, updateVillage, villageSelect, villageSource } from './services/villages';
import { iterateList } from './db/listQuery';
import { audit } from './db/audit';
import { computeAlerts } from './services/people/alerts';
import { getPerson } from './services/people/detail';
import { asOfToday, listPeople, mapPerson, personOptions, personSelect, personSource } from './services/people/list';
import { removeRecord, saveRecord } from './services/people/records';
import { createPerson, exitPerson, updatePerson } from './services/people/write';
import { alertView, personView } from '../shared/peopleViews';
import { filterSortInMemory, pageInMemory } from './core/memoryList';
import { commitUpload, previewUpload } from './excel/import/upload';
import { assetView } from '../shared/assetViews';
import { getAsset } from './services/assets/detail';
import { isHeld, ledgerAsOf } from './services/assets/ledger';
import { recordMovement, reverseMovement } from './services/assets/movements';
import { addSurplus, closeStocktake, createStocktake, getStocktake, listStocktakes, markItem, markRest, notRecentlyCounted } from './services/assets/stocktakes';
import { createAsset, updateAssetCard } from './services/assets/write';

type Handler<K extends OpName> = (session: Session, input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;
export type HandlerTable = { [K in OpName]: Handler<K> };

const APP_VERSION = '0.1.0';

function info(s: Session): Output<'app.info'> {
  const st = readSettings(s.db);
  return {
    appVersion: APP_VERSION,
    schemaVersion: latestVersion,
    dbPath: s.dbPath,
    isDemo: s.isDemo,
    firstRun: !s.isDemo && st.centerName.trim() === '',
    centerName: st.centerName,
    county: st.county,
    shell: s.shell,
  };
}

function mapped<Row>(rows: Iterable<Record<string, unknown>>, map: (r: Record<string, unknown>) => Row): Iterable<Row> {
  return {
    *[Symbol.iterator]() {
      for (const r of rows) yield map(r);
    },
  };
}

export const handlers: HandlerTable = {
  'app.info': (s) => info(s),
  'app.firstRun': (s, input) => {
    if (s.isDemo) throw new AppError('CONFLICT', '当前是演示数据，请先返回正式数据再填写单位信息');
    updateSettings(s.ctx, { centerName: input.centerName, county: input.county });
    return info(s);
  },
  'app.openDemo': async (s) => {
    await s.switchTo('demo');
    return info(s);
  },
  'app.leaveDemo': async (s) => {
    await s.switchTo('real');
    return info(s);
  },
  'app.dashboard': (s) => getDashboard(s.ctx),

  'settings.get': (s) => readSettings(s.db),
  'settings.update': (s, patch) => {
    const after = updateSettings(s.ctx, patch, (before, next) => {
      // Derived registry figures depend on these two settings (S1, C1).
      if (before.staffingPopulationPerDoctor !== next.staffingPopulationPerDoctor) refreshClinics(s.db, 'all');
      if (before.c1SmallVillagePopulation !== next.c1SmallVillagePopulation) refreshVillages(s.db, 'all');
    });
    s.refreshActor();
    return after;
  },

  'villages.list': (s, q) => listVillages(s.ctx, q),
  'villages.all': (s) => allVillageNames(s.ctx),
  'villages.get': (s, { id }) => getVillage(s.ctx, id),
  'villages.create': (s, v) => createVillage(s.ctx, v),
  'villages.update': (s, { id, values }) => updateVillage(s.ctx, id, values),
  'villages.export': (s, q) =>
    exportView(s.db, villageView, mapped(iterateList(s.db, villageSource, villageSelect, q), mapVillage), q.columns),

  'clinics.list': (s, q) => listClinics(s.ctx, q),
  'clinics.get': (s, { id }) => getClinic(s.ctx, id),
  'clinics.create': (s, v) => createClinic(s.ctx, v),
  'clinics.update': (s, { id, values }) => updateClinic(s.ctx, id, values),
  'clinics.close': (s, { id, closedOn, reason }) => closeClinic(s.ctx, id, closedOn, reason),
  'clinics.reopen': (s, { id }) => reopenClinic(s.ctx, id),
  'clinics.export': (s, q) =>
    exportView(s.db, clinicView, mapped(iterateList(s.db, clinicSource, clinicSelect, q, clinicParams(s.ctx)), mapClinic), q.columns),

  'people.list': (s, q) => listPeople(s.ctx, q),
  'people.get': (s, { id }) => getPerson(s.ctx, id),
  'people.create': (s, v) => createPerson(s.ctx, v),
  'people.update': (s, { id, values }) => updatePerson(s.ctx, id, values),
  'people.exit': (s, e) => exitPerson(s.ctx, e),
  'people.saveRecord': (s, { personId, id, record }) => saveRecord(s.ctx, personId, id, record),
  'people.removeRecord': (s, { personId, table, id }) => removeRecord(s.ctx, personId, table, id),
  'people.options': (s) => personOptions(s.ctx),
  'people.export': (s, q) => {
    const asOf = asOfToday(s.ctx);
    return exportView(s.db, personView, mapped(iterateList(s.db, personSource, personSelect, q, { asOf }), mapPerson(asOf)), q.columns);
  },
  'clinics.options': (s) => s.db.prepare('SELECT id, name, status FROM clinics ORDER BY status DESC, code').all() as Output<'clinics.options'>,
  'alerts.list': (s, { asOf }) => computeAlerts(s.db, asOf ?? asOfToday(s.ctx)),
  'alerts.page': (s, q) => pageInMemory(alertView, computeAlerts(s.db, asOfToday(s.ctx)).alerts, q),
  'alerts.export': (s, q) => exportView(s.db, alertView, filterSortInMemory(alertView, computeAlerts(s.db, asOfToday(s.ctx)).alerts, q), q.columns),

  'assets.list': (s, { asOf, ...q }) => pageInMemory(assetView, ledgerAsOf(s.db, asOf ?? asOfToday(s.ctx)), q),
  'assets.export': (s, { asOf, ...q }) => exportView(s.db, assetView, filterSortInMemory(assetView, ledgerAsOf(s.db, asOf ?? asOfToday(s.ctx)), q), q.columns),
  'assets.uncounted': (s, q) => pageInMemory(assetView, notRecentlyCounted(s.ctx), q),
  'assets.labels': (s, { asOf, ...q }) =>
    filterSortInMemory(assetView, ledgerAsOf(s.db, asOf ?? asOfToday(s.ctx)).filter(isHeld), q).map(({ id, code, name, model, holderName, acquiredOn }) => ({ id, code, name, model, holderName, acquiredOn })),
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

  'audit.list': (s, q) => listAudit(s.ctx, q),
  'audit.export': (s, q) => exportView(s.db, auditView, mapped(iterateList(s.db, auditSource, auditSelect, q), mapAudit), q.columns),

  'import.preview': (s, upload) => previewUpload(s.ctx, upload),
  'import.commit': (s, upload) => commitUpload(s.ctx, upload),

  'returns.list': () => returnCatalog.map(({ name, title, description, params }) => ({ name, title, description, params: [...params] })),
  'returns.export': (s, { name, ...params }) => exportReturnFile(s.ctx, name, params),

  'backups.list': (s) => listBackups(s.dbPath),
  'backups.create': async (s) => {
    const made = await backupDatabase(s.db, s.dbPath, 'manual', 1000);
    audit(s.ctx, { action: 'backup', entity: 'database', summary: `手动备份到 ${made.file}` });
    return made;
  },
};
