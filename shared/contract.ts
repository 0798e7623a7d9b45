/**
 * The spine of the app: every operation the renderer may call, with the zod schemas of its
 * input and output. The main process's handler table is typed from this map, both
 * transports (IPC and HTTP) validate input against it before any service runs, and the
 * renderer's `call()` is typed from it. Each operation also declares the access it needs
 * (`shared/access.ts`), which the dispatcher checks against the signed-in user's role.
 * Adding an operation: schema and access here, service function, handler entry, UI call.
 */
import { z } from 'zod';
import './zodLocale';
import type { Access } from './access';
import { backupRestoreInput, backupRestoreOutput } from './schemas/backups';
import {
  adminAccountInput,
  autoSignInInput,
  changePasswordInput,
  passwordReset,
  signInInput,
  userCreate,
  usersOutput,
  userUpdate,
} from './schemas/accounts';
import { appInfo, auditRow, backupInfo, dashboard, firstRunInput, returnExportInput, returnInfo } from './schemas/app';
import { clinicClose, clinicDetail, clinicInput, clinicRow, clinicUpdate } from './schemas/clinics';
import { clinicCoveragePreview, clinicCoveragePreviewInput } from './schemas/clinics';
import { clinicFile, clinicFileInput } from './schemas/clinicFile';
import { exportViewInput, fileResult, idInput, listQuery, pageOf } from './schemas/common';
import { settingsPatch, settingsSchema } from './schemas/settings';
import { villageInput, villageRow, villageUpdate } from './schemas/villages';
import { personExit, personInput, personUpdate, removeRecordInput, saveRecordInput } from './schemas/people';
import { newDoctorInput } from './schemas/people';
import { alertItem, alertsOutput, personDetail, personRow } from './schemas/personOutput';
import { exitDecisionInput } from './schemas/exitDecisions';
import {
  allocationInput,
  allocationResult,
  quarterInput,
  quarterResults,
  visitForm,
  visitFormInput,
  visitMonthInput,
  visitMonthRow,
  visitSaveInput,
  visitSheetsInput,
  quarterLockInput,
} from './schemas/visits';
import {
  receiptCheckOutput,
  receiptExportInput,
  receiptInput,
  receiptListQuery,
  receiptReverseInput,
  receiptRow,
  receiptSaved,
} from './schemas/receipts';
import {
  deliveryExportInput,
  deliveryListQuery,
  deliveryNotesInput,
  deliveryNotesOutput,
  deliveryPlan,
  deliveryRow,
  deliveryRunInput,
  deliveryRunOutput,
  shortageRow,
} from './schemas/deliveries';
import { isoDate } from './schemas/common';
import {
  drugWatchSummary,
  vbpCoverRow,
  vbpVolumeInput,
  vbpVolumeRow,
  watchAsOf,
  watchExportInput,
  watchListQuery,
} from './schemas/drugWatch';
import { importCommitOutput, importPreviewOutput, importUpload } from './schemas/import';
import { assetDetail, assetInput, assetRow, assetUpdate, movementInput, reverseInput } from './schemas/assets';
import {
  drugDetail,
  drugExportInput,
  drugGetInput,
  drugListQuery,
  drugRow,
  editionRow,
  essentialListPreview,
  essentialListUpload,
  settleInput,
  settleListInput,
  settleRow,
} from './schemas/drugs';
import {
  adjustInput,
  batchQuery,
  batchRow,
  disposalInput,
  disposalRecord,
  ledgerOutput,
  ledgerQuery,
  moveResult,
  returnInput,
  stockExportInput,
  stockListQuery,
  stockRow,
  transferInput,
  useInput,
  useSheetQuery,
  useSheetRow,
} from './schemas/stock';
import {
  clinicMonthInput,
  lineFigures,
  lineFiguresInput,
  monthInput,
  purchaseColumnsInput,
  purchaseExportInput,
  purchaseExtraSave,
  purchaseListQuery,
  purchasePlan,
  purchaseRow,
  requisitionApprove,
  requisitionDetail,
  requisitionExportInput,
  requisitionListQuery,
  requisitionRow,
  requisitionSave,
} from './schemas/requisitions';
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
import {
  letterDetail,
  letterGetInput,
  letterRow,
  letterSave,
  letterSign,
  lettersCreateAll,
  lettersCreated,
  lettersYearInput,
  templateDetail,
  templateInForceInput,
  templatePreview,
  templateRow,
  templateUpload,
} from './schemas/supervision';

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

/** An operation: its input and output schemas, and the access it needs (shared/access.ts). */
function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) {
  return { input, output, access };
}

export const contract = {
  'app.info': op(none, appInfo, 'public'),
  'app.firstRun': op(firstRunInput, appInfo, 'public'),
  // Public: the first-run page offers the demo before any account exists; the demo is its own
  // file and signs in its own administrator, and either switch leaves the real database signed out.
  'app.openDemo': op(none, appInfo, 'public'),
  'app.leaveDemo': op(none, appInfo, 'public'),
  'app.dashboard': op(none, dashboard, 'read'),

  'accounts.signIn': op(signInInput, appInfo, 'public'),
  // Refused once any account exists: creates the administrator of a database from before accounts.
  'accounts.setupAdmin': op(adminAccountInput, appInfo, 'public'),
  'accounts.signOut': op(none, appInfo, 'signedIn'),
  'accounts.changePassword': op(changePasswordInput, appInfo, 'signedIn'),
  'accounts.list': op(none, usersOutput, 'admin'),
  'accounts.create': op(userCreate, usersOutput, 'admin'),
  'accounts.update': op(userUpdate, usersOutput, 'admin'),
  'accounts.resetPassword': op(passwordReset, usersOutput, 'admin'),
  'accounts.setAutoSignIn': op(autoSignInInput, usersOutput, 'admin'),

  'settings.get': op(none, settingsSchema, 'read'),
  'settings.update': op(settingsPatch, settingsSchema, 'admin'),

  'villages.list': op(listQuery, pageOf(villageRow), 'read'),
  'villages.all': op(none, z.array(z.object({ id: z.number(), name: z.string() })), 'read'),
  'villages.get': op(idInput, villageRow, 'read'),
  'villages.create': op(villageInput, villageRow, 'write'),
  'villages.update': op(villageUpdate, villageRow, 'write'),
  'villages.export': op(exportViewInput, fileResult, 'read'),

  'clinics.list': op(listQuery, pageOf(clinicRow), 'read'),
  'clinics.get': op(idInput, clinicDetail, 'read'),
  'clinics.create': op(clinicInput, clinicDetail, 'write'),
  'clinics.update': op(clinicUpdate, clinicDetail, 'write'),
  'clinics.close': op(clinicClose, clinicDetail, 'write'),
  'clinics.reopen': op(idInput, clinicDetail, 'write'),
  'clinics.export': op(exportViewInput, fileResult, 'read'),
  'clinics.previewCoverage': op(clinicCoveragePreviewInput, clinicCoveragePreview, 'read'),
  'clinics.file': op(clinicFileInput, clinicFile, 'read'),

  'people.list': op(listQuery, pageOf(personRow), 'read'),
  'people.get': op(idInput, personDetail, 'read'),
  'people.create': op(personInput, personDetail, 'write'),
  'people.createDoctor': op(newDoctorInput, personDetail, 'write'),
  'people.update': op(personUpdate, personDetail, 'write'),
  'people.exit': op(personExit, personDetail, 'write'),
  'people.saveRecord': op(saveRecordInput, personDetail, 'write'),
  'people.removeRecord': op(removeRecordInput, personDetail, 'write'),
  // rule S11a: a decision (留用说明) closing an open S11 exit trigger without an exit.
  'people.recordExitDecision': op(exitDecisionInput, personDetail, 'approve'),
  'people.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), clinicName: z.string() })), 'read'),
  'people.export': op(exportViewInput, fileResult, 'read'),
  'clinics.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), status: z.string() })), 'read'),
  'alerts.list': op(z.object({ asOf: isoDate.optional() }).strict(), alertsOutput, 'read'),
  'alerts.page': op(listQuery, pageOf(alertItem), 'read'),
  'alerts.export': op(exportViewInput, fileResult, 'read'),

  'assets.list': op(assetListQuery, pageOf(assetRow), 'read'),
  'assets.export': op(assetExportInput, fileResult, 'read'),
  'assets.uncounted': op(listQuery, pageOf(assetRow), 'read'),
  'assets.labels': op(assetExportInput, z.array(assetLabel), 'read'),
  'assets.get': op(idInput, assetDetail, 'read'),
  'assets.create': op(assetInput, assetDetail, 'write'),
  'assets.update': op(assetUpdate, assetDetail, 'write'),
  'assets.move': op(movementInput, assetDetail, 'write'),
  'assets.reverse': op(reverseInput, assetDetail, 'write'),

  'stocktakes.list': op(none, z.array(stocktakeRow), 'read'),
  'stocktakes.get': op(idInput, stocktakeDetail, 'read'),
  'stocktakes.create': op(stocktakeCreate, stocktakeDetail, 'write'),
  'stocktakes.mark': op(stocktakeMark, markResult, 'write'),
  'stocktakes.markRest': op(stocktakeMarkRest, stocktakeDetail, 'write'),
  'stocktakes.addSurplus': op(stocktakeSurplus, stocktakeDetail, 'write'),
  'stocktakes.close': op(stocktakeClose, stocktakeDetail, 'write'),

  'drugs.list': op(drugListQuery, pageOf(drugRow), 'read'),
  'drugs.export': op(drugExportInput, fileResult, 'read'),
  'drugs.get': op(drugGetInput, drugDetail, 'read'),
  'drugs.editions': op(none, z.array(editionRow), 'read'),
  'drugs.toSettle': op(settleListInput, z.array(settleRow), 'read'),
  'drugs.settle': op(settleInput, drugDetail, 'write'),
  'drugs.editionPreview': op(essentialListUpload, essentialListPreview, 'write'),
  'drugs.editionLoad': op(essentialListUpload, essentialListPreview, 'write'),

  // Issue 10 part 7: the home page's drug counts and the 集采药品 page (D3–D6).
  'drugWatch.summary': op(watchAsOf, drugWatchSummary, 'read'),
  'drugWatch.vbpCover': op(watchListQuery, pageOf(vbpCoverRow), 'read'),
  'drugWatch.vbpCoverExport': op(watchExportInput, fileResult, 'read'),
  'drugWatch.vbpVolume': op(watchListQuery, pageOf(vbpVolumeRow), 'read'),
  'drugWatch.vbpVolumeExport': op(watchExportInput, fileResult, 'read'),
  'drugWatch.setVbpVolume': op(vbpVolumeInput, vbpVolumeRow.nullable(), 'write'),

  'templates.list': op(none, z.array(templateRow), 'read'),
  'templates.get': op(idInput, templateDetail, 'read'),
  'templates.inForce': op(templateInForceInput, templateDetail.nullable(), 'read'),
  'templates.loadDefault': op(none, templateDetail, 'write'),
  'templates.preview': op(templateUpload, templatePreview, 'write'),
  'templates.load': op(templateUpload, templatePreview, 'write'),
  'templates.export': op(idInput, fileResult, 'read'),
  'templates.remove': op(idInput, z.array(templateRow), 'write'),
  'letters.list': op(lettersYearInput, z.array(letterRow), 'read'),
  'letters.get': op(letterGetInput, letterDetail, 'read'),
  'letters.save': op(letterSave, letterDetail, 'write'),
  'letters.sign': op(letterSign, letterDetail, 'write'),
  'letters.createMissing': op(lettersCreateAll, lettersCreated, 'write'),
  'letters.export': op(lettersYearInput, fileResult, 'read'),

  // Drugs, parts 2 and 3: monthly requisitions (D1, D3) and the purchase plan.
  'requisitions.list': op(requisitionListQuery, pageOf(requisitionRow), 'read'),
  'requisitions.export': op(requisitionExportInput, fileResult, 'read'),
  'requisitions.get': op(clinicMonthInput, requisitionDetail, 'read'),
  'requisitions.lineFigures': op(lineFiguresInput, lineFigures, 'read'),
  'requisitions.save': op(requisitionSave, requisitionDetail, 'write'),
  'requisitions.approve': op(requisitionApprove, requisitionDetail, 'approve'),
  'requisitions.reopen': op(clinicMonthInput, requisitionDetail, 'write'),
  'purchase.plan': op(monthInput, purchasePlan, 'read'),
  'purchase.list': op(purchaseListQuery, pageOf(purchaseRow), 'read'),
  'purchase.export': op(purchaseExportInput, fileResult, 'read'),
  'purchase.upload': op(monthInput, fileResult, 'read'),
  'purchase.saveExtra': op(purchaseExtraSave, purchasePlan, 'write'),
  'purchase.removeExtra': op(idInput, purchasePlan, 'write'),
  'purchase.setColumns': op(purchaseColumnsInput, purchasePlan.shape.columns, 'write'),

  // Drugs, part 6: clinic use and stock, 进销存, disposals (D2, D5, D9).
  'stock.list': op(stockListQuery, pageOf(stockRow), 'read'),
  'stock.export': op(stockExportInput, fileResult, 'read'),
  'stock.batches': op(batchQuery, z.array(batchRow), 'read'),
  'stock.useSheet': op(useSheetQuery, z.array(useSheetRow), 'read'),
  'stock.recordUse': op(useInput, moveResult, 'write'),
  'stock.returnToCenter': op(returnInput, moveResult, 'write'),
  'stock.transfer': op(transferInput, moveResult, 'write'),
  'stock.adjust': op(adjustInput, moveResult, 'write'),
  'stock.ledger': op(ledgerQuery, ledgerOutput, 'read'),
  'stock.dispose': op(disposalInput, disposalRecord, 'write'),
  'stock.disposals': op(none, z.array(disposalRecord), 'read'),
  'stock.disposal': op(idInput, disposalRecord, 'read'),

  // Supervision (issue 11, parts 3–6): monthly visits (P2, P8), quarters (P6, P5), money by score (P7, M3).
  'visits.month': op(visitMonthInput, z.array(visitMonthRow), 'read'),
  'visits.form': op(visitFormInput, visitForm, 'read'),
  'visits.save': op(visitSaveInput, visitForm, 'write'),
  'visits.discardDraft': op(visitFormInput, visitForm, 'write'),
  'visits.sheets': op(visitSheetsInput, z.array(visitForm), 'read'),
  'quarters.results': op(quarterInput, quarterResults, 'read'),
  // P4: a finished quarter locked (approve: the center's sign-off on the assessment).
  'quarters.lock': op(quarterLockInput, quarterResults, 'approve'),
  'allocations.preview': op(allocationInput, allocationResult, 'read'),
  'allocations.save': op(allocationInput, allocationResult, 'write'),

  'audit.list': op(listQuery, pageOf(auditRow), 'read'),
  'audit.export': op(exportViewInput, fileResult, 'read'),

  'import.preview': op(importUpload, importPreviewOutput, 'write'),
  'import.commit': op(importUpload, importCommitOutput, 'write'),

  // Drugs, parts 4 and 5: receipts into the center's store, FEFO delivery to clinics, shortages (D4, D9).
  'receipts.list': op(receiptListQuery, pageOf(receiptRow), 'read'),
  'receipts.export': op(receiptExportInput, fileResult, 'read'),
  'receipts.check': op(receiptInput, receiptCheckOutput, 'write'),
  'receipts.create': op(receiptInput, receiptSaved, 'write'),
  'receipts.reverse': op(receiptReverseInput, receiptRow, 'write'),
  'deliveries.preview': op(deliveryRunInput, deliveryPlan, 'read'),
  'deliveries.run': op(deliveryRunInput, deliveryRunOutput, 'write'),
  'deliveries.list': op(deliveryListQuery, pageOf(deliveryRow), 'read'),
  'deliveries.export': op(deliveryExportInput, fileResult, 'read'),
  'deliveries.notes': op(deliveryNotesInput, deliveryNotesOutput, 'read'),
  'shortages.list': op(listQuery, pageOf(shortageRow), 'read'),
  'shortages.export': op(exportViewInput, fileResult, 'read'),

  'returns.list': op(none, z.array(returnInfo), 'read'),
  'returns.export': op(returnExportInput, fileResult, 'read'),

  'backups.list': op(none, z.array(backupInfo), 'read'),
  'backups.create': op(none, backupInfo, 'write'),
  'backups.restore': op(backupRestoreInput, backupRestoreOutput, 'admin'),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type Output<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
