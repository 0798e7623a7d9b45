/**
 * The dispatcher's guard: before any handler runs, the operation's declared access
 * (shared/contract.ts, shared/access.ts) against the signed-in user's role. `public` operations
 * run for anyone; every other one needs a signed-in user (else SIGNED_OUT, also after the idle
 * time), whose password is not waiting to be changed (only `signedIn` operations then), and
 * whose role carries the access (else FORBIDDEN, naming the role and what is needed).
 * An admitted call counts as activity for the idle time. A database that failed its integrity
 * check takes no more saves: only reading operations are admitted.
 */
import { forbiddenMessage, roleMay, type Access } from '../../shared/access';
import type { AppErrorBody } from '../../shared/envelope';
import type { Session } from './session';
import { currentUser, touch } from './signedIn';

export function admit(session: Session, access: Access): AppErrorBody | null {
  if (access === 'public') return null;
  // A file that failed its check after opening (session.ts) is read, never written.
  if (session.integrityError && access !== 'read' && access !== 'signedIn') return { code: 'DB_CORRUPT', message: session.integrityError };
  const user = currentUser(session);
  if (!user) return { code: 'SIGNED_OUT', message: session.signedOutReason || '请先登录' };
  if (user.mustChangePassword && access !== 'signedIn') {
    return { code: 'FORBIDDEN', message: '管理员已重置您的密码，请先修改密码再继续' };
  }
  if (!roleMay(user.role, access)) return { code: 'FORBIDDEN', message: forbiddenMessage(user.role, access) };
  touch(session);
  return null;
}
