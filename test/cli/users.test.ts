/**
 * `user list | add | reset-password` at the command line, acting as the machine's local
 * administrator: the recovery for a forgotten administrator password (it also ends a lock), and
 * the audit trail naming 本机命令行 with the machine's user.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/app/session';
import { call, callFails } from '../helpers/calls';
import { tempDir, withRawDb } from '../helpers/tempDb';
import { cli, cliOk } from './run';

const root = path.resolve(__dirname, '..', '..');

/** The command line with standard input piped (a password typed twice, as a script would). */
function cliWithInput(input: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    input,
    env: { ...process.env, NO_COLOR: '1', THD_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: user', () => {
  it('adds an administrator, lists it, and resets a forgotten, locked password; the audit names 本机命令行', async () => {
    const db = path.join(tempDir(), 'township.sqlite');
    cliOk('init', '--db', db, '--center', '青石镇卫生院');
    expect(
      cliOk('user', 'add', '--db', db, '--login', 'ZhangWei', '--name', '张伟', '--role', '管理员', '--password', 'first-pass-1'),
    ).toContain('已新建账号 张伟（zhangwei），角色 管理员');
    const short = cli('user', 'add', '--db', db, '--login', 'liu', '--name', '刘', '--role', 'clerk', '--password', '1234');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('密码至少 8 位');
    expect(cli('user', 'add', '--db', db, '--login', 'liu', '--name', '刘', '--role', '院长', '--password', '12345678').stderr).toContain(
      '没有“院长”这个角色',
    );

    // Five wrong passwords in the app lock the account …
    const s = await Session.open({ dbPath: db, shell: 'browser' });
    try {
      for (let i = 0; i < 5; i++) await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: 'forgotten' });
      expect((await callFails(s, 'accounts.signIn', { login: 'zhangwei', password: 'first-pass-1' })).code).toBe('FORBIDDEN');
    } finally {
      s.close();
    }
    expect(cliOk('user', 'list', '--db', db)).toMatch(/zhangwei\s+张伟\s+管理员\s+锁定到/);

    // … and the machine's administrator sets a new one, typed twice on standard input.
    const reset = cliWithInput('new-pass-2026\nnew-pass-2026\n', 'user', 'reset-password', '--db', db, '--login', 'zhangwei');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('已重设 张伟（zhangwei） 的密码，锁定已解除');
    const mismatch = cliWithInput('new-pass-2026\nother-pass-1\n', 'user', 'reset-password', '--db', db, '--login', 'zhangwei');
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('两次输入的密码不一致');

    const again = await Session.open({ dbPath: db, shell: 'browser' });
    try {
      expect((await call(again, 'accounts.signIn', { login: 'zhangwei', password: 'new-pass-2026' })).user).toMatchObject({
        login: 'zhangwei',
        mustChangePassword: false,
      });
    } finally {
      again.close();
    }
    const cliRows = withRawDb(db, (d) =>
      d.prepare("SELECT actor, actor_login, summary FROM audit_log WHERE actor LIKE '本机命令行%' ORDER BY id").all(),
    ) as { actor: string; actor_login: string | null; summary: string }[];
    const me = `本机命令行（${os.userInfo().username}）`;
    expect(cliRows.map((r) => r.summary)).toEqual([
      '修改设置：centerName、county',
      `新建账号：张伟（zhangwei），角色 管理员，由${me}创建`,
      '在本机命令行重设密码并解除锁定：张伟（zhangwei）',
    ]);
    for (const r of cliRows) expect(r).toMatchObject({ actor: me, actor_login: null });
  });
});
