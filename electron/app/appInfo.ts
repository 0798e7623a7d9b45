import type { Output } from '../../shared/contract';
import { latestVersion } from '../db/migrations';
import { userCount } from '../domains/accounts/service';
import { readSettings } from '../domains/settings/service';
import type { Session } from './session';
import { currentUser } from './signedIn';

const APP_VERSION = '0.1.0';

/**
 * What the renderer needs to choose its page: first run (no center, no account), creating the
 * administrator (a named center without accounts), the sign-in page (nobody signed in, with the
 * reason the last session ended), or the app as the signed-in user.
 */
export function appInfo(s: Session): Output<'app.info'> {
  const st = readSettings(s.db);
  const noAccounts = userCount(s.db) === 0;
  const firstRun = !s.isDemo && st.centerName.trim() === '' && noAccounts;
  return {
    appVersion: APP_VERSION,
    schemaVersion: latestVersion,
    dbPath: s.dbPath,
    isDemo: s.isDemo,
    firstRun,
    centerName: st.centerName,
    county: st.county,
    shell: s.shell,
    user: currentUser(s),
    needsAdmin: !firstRun && noAccounts,
    signedOutReason: s.signedOutReason,
    integrityError: s.integrityError,
  };
}
