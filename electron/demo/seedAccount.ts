import { demoAccount } from '../../shared/schemas/accounts';
import type { ServiceContext } from '../db/context';
import { insertUser, setAutoSignIn, userCount } from '../domains/accounts/service';

/**
 * The demo township's administrator (shared/schemas/accounts.ts `demoAccount`), with this PC's
 * automatic sign-in on, so the demo opens signed in and `npm run demo` stays one command. Only
 * into a demo without accounts; call inside the seeding transaction.
 */
export function seedDemoAccount(ctx: ServiceContext): void {
  if (userCount(ctx.db) > 0) return;
  const admin = insertUser(
    ctx,
    { login: demoAccount.login, name: demoAccount.name, role: 'admin', password: demoAccount.password },
    { mustChange: false, how: '演示乡镇的管理员' },
  );
  setAutoSignIn(ctx, admin.id);
}
