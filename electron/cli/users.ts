/**
 * `user list | add | reset-password`: the center's accounts from the command line, acting as the
 * machine's local administrator (cli/actor.ts). `reset-password` is the documented recovery for
 * a forgotten administrator password: it needs the machine and the database file, and the app
 * itself has no way around a password.
 */
import { roleLabels, roles, type Role } from '../../shared/access';
import { chineseDateTime } from '../../shared/format';
import { newPasswordInput, userCreate } from '../../shared/schemas/accounts';
import { zodToError } from '../app/zodIssues';
import { makeContext, type ServiceContext } from '../db/context';
import { AppError } from '../db/errors';
import { openDatabase } from '../db/open';
import { accountName, insertUser, listUsers, setPassword, userByLogin } from '../domains/accounts/service';
import { cliActor } from './actor';
import { requireString, type CliArgs } from './args';
import { readPassword } from './prompt';

export const userUsage = [
  'user list --db FILE                                      列出账号',
  'user add --db FILE --login 登录名 --name 姓名 --role 角色 [--password 密码]',
  '                                                         新建账号（角色：管理员、录入员、审核、只读）',
  'user reset-password --db FILE --login 登录名 [--password 密码]',
  '                                                         重设密码并解除锁定（忘记管理员密码时在本机使用）',
];

function roleOf(text: string): Role {
  const found = roles.find((r) => r === text || roleLabels[r] === text);
  if (!found) throw new AppError('BAD_REQUEST', `没有“${text}”这个角色，可选：${roles.map((r) => `${roleLabels[r]}（${r}）`).join('、')}`);
  return found;
}

/** The password from --password, else typed twice at the terminal (or two lines on standard input). */
async function passwordOf(args: CliArgs): Promise<{ password: string; passwordAgain: string }> {
  if (typeof args.values.password === 'string') return { password: args.values.password, passwordAgain: args.values.password };
  const password = await readPassword('新密码（至少 8 位）：');
  const passwordAgain = await readPassword('再次输入新密码：');
  return { password, passwordAgain };
}

async function withCli<T>(args: CliArgs, fn: (ctx: ServiceContext) => T | Promise<T>): Promise<T> {
  const { db } = await openDatabase(requireString(args, 'db', '数据库文件'));
  try {
    return await fn(makeContext(db, cliActor()));
  } finally {
    db.close();
  }
}

function status(u: { disabled: boolean; lockedUntil: string | null; mustChangePassword: boolean; hasPassword: boolean }): string {
  if (u.disabled) return '停用';
  if (u.lockedUntil) return `锁定到 ${chineseDateTime(u.lockedUntil)}`;
  if (!u.hasPassword) return '无密码（本机程序用）';
  return u.mustChangePassword ? '在用，下次登录须改密码' : '在用';
}

async function list(args: CliArgs): Promise<string> {
  return withCli(args, (ctx) => {
    const { users, autoSignInUserId } = listUsers(ctx);
    if (users.length === 0) return '还没有账号：打开程序时会先创建管理员，或用 user add --role 管理员';
    const lines = users.map((u) =>
      [
        u.login.padEnd(16),
        u.name.padEnd(8),
        roleLabels[u.role].padEnd(4),
        status(u),
        u.lastSignInAt ? `最后登录 ${chineseDateTime(u.lastSignInAt)}` : '从未登录',
        u.id === autoSignInUserId ? '（本机自动登录）' : '',
      ].join('  '),
    );
    return ['登录名            姓名      角色  状态', ...lines].join('\n');
  });
}

async function add(args: CliArgs): Promise<string> {
  const role = roleOf(requireString(args, 'role', '角色'));
  const pair = await passwordOf(args);
  const parsed = userCreate.safeParse({ login: args.values.login ?? '', name: args.values.name ?? '', role, ...pair });
  if (!parsed.success) throw new AppError('VALIDATION', zodToError(parsed.error).message);
  const v = parsed.data;
  return withCli(args, (ctx) => {
    ctx.db.transaction(() => insertUser(ctx, v, { mustChange: false, how: `由${ctx.actor}创建` })).immediate();
    return `已新建账号 ${accountName(v)}，角色 ${roleLabels[v.role]}`;
  });
}

async function resetPassword(args: CliArgs): Promise<string> {
  const login = requireString(args, 'login', '登录名');
  return withCli(args, async (ctx) => {
    const u = userByLogin(ctx.db, login);
    if (!u) throw new AppError('NOT_FOUND', `没有登录名为“${login}”的账号；用 user list 查看`);
    const parsed = newPasswordInput.safeParse(await passwordOf(args));
    if (!parsed.success) throw new AppError('VALIDATION', zodToError(parsed.error).message);
    setPassword(ctx, u.id, parsed.data.password, { mustChange: false, summary: `在本机命令行重设密码并解除锁定` });
    const note = u.disabled ? '。注意：该账号已停用，须由管理员在“账号管理”中重新启用' : '';
    return `已重设 ${accountName(u)} 的密码，锁定已解除${note}`;
  });
}

export async function cmdUser(args: CliArgs): Promise<string> {
  const [sub] = args.positionals;
  if (sub === 'list') return list(args);
  if (sub === 'add') return add(args);
  if (sub === 'reset-password') return resetPassword(args);
  throw new AppError('BAD_REQUEST', `user 命令的用法：\n  ${userUsage.join('\n  ')}`);
}
