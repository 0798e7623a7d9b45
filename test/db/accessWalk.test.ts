/**
 * Every operation of the contract × every role, and signed out: the dispatcher admits exactly
 * what shared/access.ts allows. A refused call answers SIGNED_OUT (nobody signed in) or
 * FORBIDDEN (naming the role and the access needed) before its input is even read, and changes
 * nothing; an admitted one gets past the guard (its empty input may still be invalid).
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/app/dispatch';
import type { Session } from '../../electron/app/session';
import { signInTrusted, signOut, type LocalAccount } from '../../electron/app/signedIn';
import { accessLabels, roleLabels, roleMay, roles, type Role } from '../../shared/access';
import { contract, type OpName } from '../../shared/contract';
import { dumpDb, openSession } from '../helpers/tempDb';

const accountOf = (role: Role): LocalAccount => ({ login: `walk-${role}`, name: `${roleLabels[role]}甲`, role });
const ops = Object.keys(contract) as OpName[];

/** Each call starts from the same place: the real database, signed in as `who` (or nobody). */
async function as(s: Session, who: Role | null): Promise<void> {
  if (s.isDemo) await s.switchTo('real');
  if (who === null) signOut(s);
  else signInTrusted(s, accountOf(who));
}

describe('every operation × every role', () => {
  it('declares one of the known accesses for every operation', () => {
    for (const op of ops) expect(Object.keys(accessLabels)).toContain(contract[op].access);
  });

  it.each([...roles, null])('as %s: admitted exactly where the role carries the access', async (who) => {
    const s = await openSession();
    const seen: Record<string, string> = {};
    for (const op of ops) {
      await as(s, who);
      const access = contract[op].access;
      const allowed = access === 'public' || (who !== null && roleMay(who, access));
      const before = allowed ? '' : dumpDb(s.db);
      const r = await dispatch(s, op, {});
      const code = r.ok ? 'ok' : r.error.code;
      seen[op] = code;
      if (allowed) {
        expect({ op, code }).not.toEqual({ op, code: 'SIGNED_OUT' });
        expect({ op, code }).not.toEqual({ op, code: 'FORBIDDEN' });
      } else {
        expect({ op, code }).toEqual({ op, code: who === null ? 'SIGNED_OUT' : 'FORBIDDEN' });
        if (who !== null && !r.ok) {
          expect(r.error.message).toContain(roleLabels[who]);
          expect(r.error.message).toContain(accessLabels[access]);
        }
        expect(dumpDb(s.db)).toBe(before);
      }
    }
    expect(Object.keys(seen)).toEqual(ops);
  });
});
