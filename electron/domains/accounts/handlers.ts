/**
 * The administrator's users page. Signing in and out, changing one's own password and creating
 * the first administrator change who is signed in, so they live with the session
 * (app/accountHandlers.ts).
 */
import { type HandlerMap } from '../handlerTypes';
import { createUser, listUsers, resetPassword, setAutoSignIn, updateUser } from './service';

type AdminOps = 'accounts.list' | 'accounts.create' | 'accounts.update' | 'accounts.resetPassword' | 'accounts.setAutoSignIn';

export const accountHandlers: HandlerMap<AdminOps> = {
  'accounts.list': (s) => listUsers(s.ctx),
  'accounts.create': (s, v) => createUser(s.ctx, v),
  'accounts.update': (s, v) => updateUser(s.ctx, v),
  'accounts.resetPassword': (s, { id, password }) => resetPassword(s.ctx, id, password),
  'accounts.setAutoSignIn': (s, { userId }) => setAutoSignIn(s.ctx, userId),
};
