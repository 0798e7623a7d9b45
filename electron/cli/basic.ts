/** CLI commands on the database itself: init, seed, backup, restore, check. */
import fs from 'node:fs';
import path from 'node:path';
import { centerInput } from '../../shared/schemas/app';
import { makeContext } from '../db/context';
import { AppError } from '../db/errors';
import { zodToError } from '../app/zodIssues';
import { standaloneCopy, verifyDatabaseFile } from '../db/backup';
import { auditRestore, restoreDatabase } from '../db/restore';
import { openDatabase } from '../db/open';
import { seedDemo } from '../demo/seed';
import { readSettings, updateSettings } from '../domains/settings/service';
import { allVillageNames } from '../domains/villages/service';
import { cliActor } from './actor';
import { requireString, type CliArgs } from './args';

export async function cmdInit(args: CliArgs): Promise<string> {
  const dbPath = requireString(args, 'db', '数据库文件');
  const parsed = centerInput.safeParse({ centerName: args.values.center ?? '', county: args.values.county ?? '未填写' });
  if (!parsed.success) throw new AppError('VALIDATION', zodToError(parsed.error).message);
  if (fs.existsSync(dbPath)) throw new AppError('CONFLICT', `${dbPath} 已存在，未做改动；新建请换一个文件名`);
  const { db } = await openDatabase(dbPath);
  try {
    updateSettings(makeContext(db, cliActor()), parsed.data);
  } finally {
    db.close();
  }
  return `已创建数据库 ${path.resolve(dbPath)}，单位：${parsed.data.centerName}。第一次打开程序时先创建管理员账号（或：user add --role admin）`;
}

export async function cmdSeed(args: CliArgs): Promise<string> {
  const dbPath = requireString(args, 'db', '数据库文件');
  if (!args.values.demo) throw new AppError('BAD_REQUEST', '目前只能生成演示数据：请加 --demo');
  const scale = args.values.scale === undefined ? 1 : Number(args.values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 2000) throw new AppError('BAD_REQUEST', '--scale 应为 1 到 2000 的整数');
  const { db } = await openDatabase(dbPath);
  try {
    const ctx = makeContext(db, '演示数据');
    const n = allVillageNames(ctx).length;
    if (n > 0) throw new AppError('CONFLICT', `${dbPath} 里已有 ${n} 个行政村，演示数据只能写入空数据库`);
    const made = seedDemo(ctx, { scale });
    return `已生成演示乡镇：${made.villages} 个行政村，${made.clinics} 个村卫生室，${made.people} 名人员，${made.assets} 项固定资产`;
  } finally {
    db.close();
  }
}

export async function cmdBackup(args: CliArgs): Promise<string> {
  const dbPath = requireString(args, 'db', '数据库文件');
  const out = requireString(args, 'out', '备份文件');
  if (fs.existsSync(out)) throw new AppError('CONFLICT', `${out} 已存在，请换一个文件名，以免覆盖`);
  verifyDatabaseFile(dbPath);
  const { db } = await openDatabase(dbPath);
  try {
    // One self-contained file, 0600, with no -wal/-shm beside it (before, or after the check).
    await standaloneCopy(db, out);
  } finally {
    db.close();
  }
  verifyDatabaseFile(out);
  return `已备份到 ${path.resolve(out)}（已校验）`;
}

export async function cmdRestore(args: CliArgs): Promise<string> {
  const dbPath = requireString(args, 'db', '要恢复的数据库文件');
  const from = requireString(args, 'from', '备份文件');
  // Refused while the app, the browser mode or another command has the file open (restore.ts).
  const result = await restoreDatabase(dbPath, from);
  const { safetyCopy } = result;
  const { db } = await openDatabase(dbPath);
  try {
    auditRestore(makeContext(db, cliActor()), from, result);
  } finally {
    db.close();
  }
  return `已从 ${from} 恢复到 ${dbPath}` + (safetyCopy ? `；原文件已另存为 ${safetyCopy.file}` : '');
}

export async function cmdCheck(args: CliArgs): Promise<string> {
  const dbPath = requireString(args, 'db', '数据库文件');
  const { schemaVersion } = verifyDatabaseFile(dbPath);
  const { db } = await openDatabase(dbPath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (integrity !== 'ok') throw new AppError('DB_CORRUPT', `完整性检查未通过：${String(integrity)}`);
    if (fk.length > 0) throw new AppError('DB_CORRUPT', `有 ${fk.length} 处关联数据缺失（外键检查未通过）`);
    const s = readSettings(db);
    return `检查通过：${dbPath}（数据版本 ${schemaVersion}，单位：${s.centerName || '未填写'}）`;
  } finally {
    db.close();
  }
}
