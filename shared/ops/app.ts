/** The app itself: start, accounts, settings, the audit trail, imports, returns and backups. */
import { z } from 'zod';
import { none, op } from './op';
import {
  adminAccountInput,
  autoSignInInput,
  changePasswordInput,
  passwordReset,
  signInInput,
  userCreate,
  userUpdate,
  usersOutput,
} from '../schemas/accounts';
import { appInfo, auditRow, backupInfo, dashboard, firstRunInput, returnExportInput, returnInfo } from '../schemas/app';
import { backupContents, backupInspectInput, backupRestoreInput, backupRestoreOutput, backupToFolderInput } from '../schemas/backups';
import { reportData } from '../schemas/returns';
import { exportViewInput, fileResult, listQuery, pageOf } from '../schemas/common';
import { importCommitOutput, importPreviewOutput, importUpload } from '../schemas/import';
import { settingsPatch, settingsSchema } from '../schemas/settings';

export const appOps = {
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

  'audit.list': op(listQuery, pageOf(auditRow), 'read'),
  'audit.export': op(exportViewInput, fileResult, 'read'),

  'import.preview': op(importUpload, importPreviewOutput, 'write'),
  'import.commit': op(importUpload, importCommitOutput, 'write'),

  'returns.list': op(none, z.array(returnInfo), 'read'),
  'returns.export': op(returnExportInput, fileResult, 'read'),
  // The same return as data, for the print view (built by the function the export writes from).
  'returns.data': op(returnExportInput, reportData, 'read'),

  'backups.list': op(none, z.array(backupInfo), 'read'),
  'backups.create': op(none, backupInfo, 'write'),
  'backups.restore': op(backupRestoreInput, backupRestoreOutput, 'admin'),
  // 备份到… (issue 12 item 10): a copy to a folder the clerk chooses (a USB stick); what a backup file holds, before a restore.
  'backups.toFolder': op(backupToFolderInput, backupInfo, 'write'),
  'backups.inspect': op(backupInspectInput, backupContents, 'admin'),
} as const;
