/**
 * The handler table: every domain's handler map (electron/domains/<d>/handlers.ts) merged with
 * the app's own operations (the session, imports, returns, backups). Typed from
 * `shared/contract.ts`, so a missing or mistyped handler fails the typecheck.
 */
import type { OpName } from '../../shared/contract';
import { accountHandlers } from '../domains/accounts/handlers';
import { assetHandlers } from '../domains/assets/handlers';
import { auditHandlers } from '../domains/audit/handlers';
import { clinicHandlers } from '../domains/clinics/handlers';
import { drugHandlers } from '../domains/drugs/handlers';
import { drugWatchHandlers } from '../domains/drugs/watch/handlers';
import { deliveryHandlers } from '../domains/drugs/delivery/handlers';
import { receiptHandlers } from '../domains/drugs/receipts/handlers';
import { requisitionHandlers } from '../domains/drugs/requisitions/handlers';
import { stockHandlers } from '../domains/drugs/stock/handlers';
import type { Handler, HandlerMap, OpsOf } from '../domains/handlerTypes';
import { peopleHandlers } from '../domains/people/handlers';
import { settingsHandlers } from '../domains/settings/handlers';
import { correctionHandlers, letterHandlers, recheckHandlers, templateHandlers } from '../domains/supervision/handlers';
import { villageHandlers } from '../domains/villages/handlers';
import { visitHandlers } from '../domains/supervision/visits/handlers';
import { accountSessionHandlers, firstRun } from './accountHandlers';
import { appInfo as info } from './appInfo';
import { backupHandlers } from './backupHandlers';
import { getDashboard } from './dashboard';
import { commitUpload, previewUpload } from './importUpload';
import { exportReturnFile, returnCatalog, returnData } from './returns';
import type { Session } from './session';

type HandlerTable = { [K in OpName]: Handler<K, Session> };

const appHandlers: HandlerMap<OpsOf<'app'> | OpsOf<'import'> | OpsOf<'returns'>, Session> = {
  'app.info': (s) => info(s),
  'app.firstRun': (s, input) => firstRun(s, input),
  'app.openDemo': async (s) => {
    await s.switchTo('demo');
    return info(s);
  },
  'app.leaveDemo': async (s) => {
    await s.switchTo('real');
    return info(s);
  },
  'app.dashboard': (s) => getDashboard(s.ctx),

  'import.preview': (s, upload) => previewUpload(s.ctx, upload),
  'import.commit': (s, upload) => commitUpload(s.ctx, upload),

  'returns.list': () => returnCatalog.map(({ name, title, description, params }) => ({ name, title, description, params: [...params] })),
  'returns.export': (s, { name, ...params }) => exportReturnFile(s.ctx, name, params),
  'returns.data': (s, { name, ...params }) => returnData(s.ctx, name, params),
};

export const handlers: HandlerTable = {
  ...appHandlers,
  ...accountSessionHandlers,
  ...accountHandlers,
  ...backupHandlers,
  ...settingsHandlers,
  ...villageHandlers,
  ...clinicHandlers,
  ...peopleHandlers,
  ...assetHandlers,
  ...drugHandlers,
  ...drugWatchHandlers,
  ...templateHandlers,
  ...letterHandlers,
  ...requisitionHandlers,
  ...stockHandlers,
  ...receiptHandlers,
  ...deliveryHandlers,
  ...visitHandlers,
  ...correctionHandlers,
  ...recheckHandlers,
  ...auditHandlers,
};
