/**
 * Local accounts (issue 9): who signs in, with which role. Passwords cross the boundary only in
 * these inputs and are never part of any output; the core keeps their scrypt hash alone.
 */
import { z } from 'zod';
import { roles } from '../access';
import { idSchema, requiredText } from './common';

export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

export const accountLabels = {
  login: '登录名',
  name: '姓名',
  role: '角色',
  disabled: '停用',
  password: '密码',
  passwordAgain: '再次输入密码',
  oldPassword: '原密码',
  adminLogin: '管理员登录名',
  adminName: '管理员姓名',
  userId: '自动登录的账号',
} as const;

/** A login name: 2–32 letters (汉字 too), digits, `_ . -`, no spaces; compared whatever its case. */
export const loginName = (label: string = accountLabels.login) =>
  requiredText(label, 32)
    .min(2, `${label}至少 2 个字`)
    .regex(/^[\p{L}\p{N}_.-]+$/u, `${label}只能用字母、汉字、数字和 _ . -，不能有空格`)
    .transform((s) => s.toLowerCase());

const displayName = (label: string = accountLabels.name) => requiredText(label, 30);

/** A new password: at least 8 characters. Not trimmed — a space is part of a password. */
const newPassword = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
  .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 位`);

const typedPassword = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .max(PASSWORD_MAX, `${label}不能超过 ${PASSWORD_MAX} 位`);

const role = z.enum(roles, { error: '请选择角色' });

/** The password typed twice must agree; the second box shows the message. */
function samePasswordTwice(v: { password: string; passwordAgain: string }, ctx: z.RefinementCtx): void {
  if (v.password !== v.passwordAgain) ctx.addIssue({ code: 'custom', path: ['passwordAgain'], message: '两次输入的密码不一致' });
}

const passwordPair = { password: newPassword, passwordAgain: z.string({ error: '请再次输入密码' }).max(PASSWORD_MAX) };

/** The administrator created at first run, or on a database from before accounts. */
export const adminAccountFields = {
  adminLogin: loginName(accountLabels.adminLogin),
  adminName: displayName(accountLabels.adminName),
  ...passwordPair,
};
export const adminAccountInput = z.object(adminAccountFields).strict().superRefine(samePasswordTwice);
export { samePasswordTwice };

export const signInInput = z
  .object({
    login: z.string({ error: '请填写登录名' }).trim().min(1, '请填写登录名').max(64, '登录名过长'),
    password: typedPassword('密码'),
  })
  .strict();

export const changePasswordInput = z
  .object({ oldPassword: typedPassword('原密码'), ...passwordPair })
  .strict()
  .superRefine(samePasswordTwice)
  .superRefine((v, ctx) => {
    if (v.oldPassword === v.password) ctx.addIssue({ code: 'custom', path: ['password'], message: '新密码不能与原密码相同' });
  });

export const userCreate = z
  .object({ login: loginName(), name: displayName(), role, ...passwordPair })
  .strict()
  .superRefine(samePasswordTwice);
export type UserCreate = z.output<typeof userCreate>;

export const userUpdate = z.object({ id: idSchema, name: displayName(), role, disabled: z.boolean() }).strict();
export type UserUpdate = z.output<typeof userUpdate>;

export const passwordReset = z
  .object({ id: idSchema, ...passwordPair })
  .strict()
  .superRefine(samePasswordTwice);

/** A new password alone, typed twice (the command line's reset). */
export const newPasswordInput = z.object(passwordPair).strict().superRefine(samePasswordTwice);

/** Turning this PC's automatic sign-in on (naming the account) or off (null). */
export const autoSignInInput = z.object({ userId: idSchema.nullable() }).strict();

/** The signed-in user, as the renderer sees it. */
export const signedInUser = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  role,
  mustChangePassword: z.boolean(),
});
export type SignedInUser = z.infer<typeof signedInUser>;

export const userRow = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** ISO time until which wrong passwords keep the account locked, when it is locked now. */
  lockedUntil: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

export const usersOutput = z.object({ users: z.array(userRow), autoSignInUserId: z.number().nullable() });
export type UsersOutput = z.infer<typeof usersOutput>;

/**
 * The demo township's administrator: the demo opens signed in as this account (its automatic
 * sign-in is on); the sign-in page of the demo shows the password, the demo holds no real data.
 */
export const demoAccount = { login: 'admin', name: '刘晓梅', password: 'heyang2026' } as const;
