/**
 * Who may do what. Every operation in `shared/contract.ts` declares the one access it needs,
 * beside its schemas; each role is a set of accesses; the dispatcher refuses an operation the
 * signed-in user's role does not carry. Roles are the four a center has (issue 9):
 *   管理员 users, settings, restore — and, in a center with one clerk, everything else too;
 *   录入员 enters and imports;
 *   审核   approves requisitions over the essential-drug share, locks and corrects quarters,
 *          decides on exit triggers (S11a);
 *   只读   views and prints; 身份证号 and phone numbers reach it masked.
 */

export const roles = ['admin', 'clerk', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  clerk: '录入员',
  reviewer: '审核',
  viewer: '只读',
};

/**
 * - `public`: before anyone signs in (what the sign-in page itself needs);
 * - `signedIn`: any signed-in user, about their own session (sign out, own password);
 * - `read`: view, list, export, print;
 * - `write`: enter, change, import;
 * - `approve`: decisions the center answers for to the county;
 * - `admin`: users, settings, restore.
 */
export const accesses = ['public', 'signedIn', 'read', 'write', 'approve', 'admin'] as const;
export type Access = (typeof accesses)[number];

export const accessLabels: Record<Access, string> = {
  public: '无需登录',
  signedIn: '登录后',
  read: '查看与打印',
  write: '录入与导入',
  approve: '审核',
  admin: '系统管理',
};

const everyone: readonly Access[] = ['public', 'signedIn', 'read'];

export const roleAccess: Record<Role, readonly Access[]> = {
  admin: [...everyone, 'write', 'approve', 'admin'],
  clerk: [...everyone, 'write'],
  reviewer: [...everyone, 'approve'],
  viewer: everyone,
};

export function roleMay(role: Role, access: Access): boolean {
  return roleAccess[role].includes(access);
}

/** 只读 sees 身份证号 and phone numbers masked (shared/masking.ts), in every answer and export. */
export function masksPersonal(role: Role): boolean {
  return role === 'viewer';
}

/** Why a role is refused an operation, in the clerk's words: the role, and what it would need. */
export function forbiddenMessage(role: Role, access: Access): string {
  const may = roles.filter((r) => roleMay(r, access)).map((r) => roleLabels[r]);
  return `您的角色是“${roleLabels[role]}”，不能进行这项操作：需要“${accessLabels[access]}”权限（${may.join('、')}可以）。如需办理，请联系管理员`;
}
