/**
 * The signed-in user for every page: who it is and what the role may do (shared/access.ts), so
 * a page can hide what would be refused. The dispatcher is the guard; this only spares the
 * clerk a button that can only fail.
 */
import { createContext, useContext } from 'react';
import { roleMay, type Access } from '../shared/access';
import type { SignedInUser } from '../shared/schemas/accounts';

const UserContext = createContext<SignedInUser | null>(null);

export const UserProvider = UserContext.Provider;

export function useUser(): SignedInUser | null {
  return useContext(UserContext);
}

/** May the signed-in user do what needs `access`? */
export function useMay(): (access: Access) => boolean {
  const user = useContext(UserContext);
  return (access) => access === 'public' || (user !== null && roleMay(user.role, access));
}
