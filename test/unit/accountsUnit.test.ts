/** Passwords (scrypt, salted, timing-safe) and the masking of personal fields for 只读. */
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/domains/accounts/password';
import { forbiddenMessage, masksPersonal, roleMay, roles } from '../../shared/access';
import { maskIdNumber, maskPersonal, maskPhone } from '../../shared/masking';
import { changePasswordInput, loginName, userCreate } from '../../shared/schemas/accounts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time and no password in the stored text', () => {
    const a = hashPassword('qingshi-2026');
    const b = hashPassword('qingshi-2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('qingshi');
    expect(verifyPassword('qingshi-2026', a)).toBe(true);
    expect(verifyPassword('qingshi-2026', b)).toBe(true);
    expect(verifyPassword('qingshi-2027', a)).toBe(false);
    expect(verifyPassword('', a)).toBe(false);
  });

  it('never matches a missing or malformed hash', () => {
    expect(verifyPassword('anything', null)).toBe(false);
    expect(verifyPassword('anything', '')).toBe(false);
    expect(verifyPassword('anything', 'plain-text-password')).toBe(false);
    expect(verifyPassword('anything', 'scrypt$16384$8$1$$')).toBe(false);
    expect(verifyPassword('anything', 'scrypt$99999999$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==')).toBe(false);
  });

  it('hashes the same characters the same whichever Unicode form they were typed in', () => {
    const stored = hashPassword('café-密码-2026');
    expect(verifyPassword('cafe\u0301-密码-2026', stored)).toBe(true);
  });
});

describe('account inputs', () => {
  it('asks for a password of at least 8 characters, typed twice alike, in Chinese', () => {
    const short = userCreate.safeParse({ login: 'liu', name: '刘', role: 'clerk', password: '1234567', passwordAgain: '1234567' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('密码至少 8 位');
    const differ = userCreate.safeParse({ login: 'liu', name: '刘', role: 'clerk', password: '12345678', passwordAgain: '12345679' });
    expect(differ.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['passwordAgain', '两次输入的密码不一致']]);
    const same = changePasswordInput.safeParse({ oldPassword: '12345678', password: '12345678', passwordAgain: '12345678' });
    expect(same.error?.issues[0]?.message).toBe('新密码不能与原密码相同');
  });

  it('takes login names of letters (汉字 too), digits and _ . -, lower-cased', () => {
    expect(loginName().parse(' LiuXM ')).toBe('liuxm');
    expect(loginName().parse('刘晓梅')).toBe('刘晓梅');
    expect(loginName().safeParse('liu xm').error?.issues[0]?.message).toContain('不能有空格');
    expect(loginName().safeParse('a').error?.issues[0]?.message).toBe('登录名至少 2 个字');
  });
});

describe('roles', () => {
  it('only 只读 sees personal fields masked; a refusal names the role and the access needed', () => {
    expect(roles.filter(masksPersonal)).toEqual(['viewer']);
    expect(roleMay('viewer', 'write')).toBe(false);
    const m = forbiddenMessage('viewer', 'write');
    expect(m).toContain('只读');
    expect(m).toContain('录入与导入');
    expect(m).toContain('管理员、录入员');
  });
});

describe('masking', () => {
  it('masks 身份证号 and phone numbers as the issue shows', () => {
    expect(maskIdNumber('410102199001011234')).toBe('4101**********1234');
    expect(maskIdNumber('41010219900101X')).toBe('4101*******101X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0391-5551234')).toBe('039*****1234');
    expect(maskPhone('5551234')).toBe('*****34');
  });

  it('masks every personal field at any depth and leaves the rest, and the original, as they were', () => {
    const detail = {
      name: '孙海燕',
      idNumber: '410822197707070020',
      phone: '13912345678',
      history: [
        { field: '联系电话', oldValue: '', newValue: '13912345678' },
        { field: '身份证号', oldValue: '410822197707070020', newValue: '410822197707070038' },
        { field: '姓名', oldValue: '孙海', newValue: '孙海燕' },
      ],
      contact: { homePhone: '03915551234', empty: '' },
      rows: [{ idNumber: '', phone: '' }],
      count: 3,
    };
    const copy = JSON.parse(JSON.stringify(detail)) as typeof detail;
    expect(maskPersonal(detail)).toEqual({
      ...detail,
      idNumber: '4108**********0020',
      phone: '139****5678',
      history: [
        { field: '联系电话', oldValue: '', newValue: '139****5678' },
        { field: '身份证号', oldValue: '4108**********0020', newValue: '4108**********0038' },
        { field: '姓名', oldValue: '孙海', newValue: '孙海燕' },
      ],
      contact: { homePhone: '039****1234', empty: '' },
    });
    expect(detail).toEqual(copy);
  });
});
