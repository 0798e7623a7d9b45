/**
 * The spine of the app: every operation the renderer may call, with the zod schemas of its
 * input and output. The main process's handler table is typed from this map, both
 * transports (IPC and HTTP) validate input against it before any service runs, and the
 * renderer's `call()` is typed from it. Adding an operation: schema here, service function,
 * handler entry, UI call.
 */
import { z } from 'zod';
import './zodLocale';
import { appInfo, auditRow, backupInfo, dashboard, firstRunInput, returnExportInput, returnInfo } from './schemas/app';
import { clinicClose, clinicDetail, clinicInput, clinicRow, clinicUpdate } from './schemas/clinics';
import { exportViewInput, fileResult, idInput, listQuery, pageOf } from './schemas/common';
import { settingsPatch, settingsSchema } from './schemas/settings';
import { villageInput, villageRow, villageUpdate } from './schemas/villages';
import { personExit, personInput, personUpdate, removeRecordInput, saveRecordInput } from './schemas/people';
import { alertItem, alertsOutput, personDetail, personRow } from './schemas/personOutput';
import { exitDecisionInput } from './schemas/exitDecisions';
import { isoDate } from './schemas/common';
import { importCommitOutput, importPreviewOutput, importUpload } from './schemas/import';
import { assetDetail, assetInput, assetRow, assetUpdate, movementInput, reverseInput } from './schemas/assets';
import {
  markResult,
  stocktakeClose,
  stocktakeCreate,
  stocktakeDetail,
  stocktakeMark,
  stocktakeMarkRest,
  stocktakeRow,
  stocktakeSurplus,
} from './schemas/stocktakes';

/** Asset lists are the ledger as of a day (today when absent). */
const assetListQuery = listQuery.extend({ asOf: isoDate.optional() });
const assetExportInput = exportViewInput.extend({ asOf: isoDate.optional() });
const assetLabel = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  model: z.string(),
  holderName: z.string(),
  acquiredOn: z.string(),
});

const none = z.object({}).strict();

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.info': op(none, appInfo),
  'app.firstRun': op(firstRunInput, appInfo),
  'app.openDemo': op(none, appInfo),
  'app.leaveDemo': op(none, appInfo),
  'app.dashboard': op(none, dashboard),

  'settings.get': op(none, settingsSchema),
  'settings.update': op(settingsPatch, settingsSchema),

  'villages.list': op(listQuery, pageOf(villageRow)),
  'villages.all': op(none, z.array(z.object({ id: z.number(), name: z.string() }))),
  'villages.get': op(idInput, villageRow),
  'villages.create': op(villageInput, villageRow),
  'villages.update': op(villageUpdate, villageRow),
  'villages.export': op(exportViewInput, fileResult),

  'clinics.list': op(listQuery, pageOf(clinicRow)),
  'clinics.get': op(idInput, clinicDetail),
  'clinics.create': op(clinicInput, clinicDetail),
  'clinics.update': op(clinicUpdate, clinicDetail),
  'clinics.close': op(clinicClose, clinicDetail),
  'clinics.reopen': op(idInput, clinicDetail),
  'clinics.export': op(exportViewInput, fileResult),

  'people.list': op(listQuery, pageOf(personRow)),
  'people.get': op(idInput, personDetail),
  'people.create': op(personInput, personDetail),
  'people.update': op(personUpdate, personDetail),
  'people.exit': op(personExit, personDetail),
  'people.saveRecord': op(saveRecordInput, personDetail),
  'people.removeRecord': op(removeRecordInput, personDetail),
  // rule S11a: a decision (留用说明) closing an open S11 exit trigger without an exit.
  'people.recordExitDecision': op(exitDecisionInput, personDetail),
  'people.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), clinicName: z.string() }))),
  'people.export': op(exportViewInput, fileResult),
  'clinics.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), status: z.string() }))),
  'alerts.list': op(z.object({ asOf: isoDate.optional() }).strict(), alertsOutput),
  'alerts.page': op(listQuery, pageOf(alertItem)),
  'alerts.export': op(exportViewInput, fileResult),

  'assets.list': op(assetListQuery, pageOf(assetRow)),
  'assets.export': op(assetExportInput, fileResult),
  'assets.uncounted': op(listQuery, pageOf(assetRow)),
  'assets.labels': op(assetExportInput, z.array(assetLabel)),
  'assets.get': op(idInput, assetDetail),
  'assets.create': op(assetInput, assetDetail),
  'assets.update': op(assetUpdate, assetDetail),
  'assets.move': op(movementInput, assetDetail),
  'assets.reverse': op(reverseInput, assetDetail),

  'stocktakes.list': op(none, z.array(stocktakeRow)),
  'stocktakes.get': op(idInput, stocktakeDetail),
  'stocktakes.create': op(stocktakeCreate, stocktakeDetail),
  'stocktakes.mark': op(stocktakeMark, markResult),
  'stocktakes.markRest': op(stocktakeMarkRest, stocktakeDetail),
  'stocktakes.addSurplus': op(stocktakeSurplus, stocktakeDetail),
  'stocktakes.close': op(stocktakeClose, stocktakeDetail),

  'audit.list': op(listQuery, pageOf(auditRow)),
  'audit.export': op(exportViewInput, fileResult),

  'import.preview': op(importUpload, importPreviewOutput),
  'import.commit': op(importUpload, importCommitOutput),

  'returns.list': op(none, z.array(returnInfo)),
  'returns.export': op(returnExportInput, fileResult),

  'backups.list': op(none, z.array(backupInfo)),
  'backups.create': op(none, backupInfo),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type Output<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
