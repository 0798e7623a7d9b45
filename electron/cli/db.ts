/**
 * What most CLI commands start with: the database named by --db, opened only when it exists (a
 * mistyped path must not silently create an empty one) and closed whatever happens; and the
 * clinic named by --clinic, as clerks write it (clinics/lookup.ts: full name, short name or 机构编码).
 */
import fs from 'node:fs';
import { AppError } from '../db/errors';
import { openDatabase, type Db } from '../db/open';
import { lookupClinic } from '../domains/clinics/lookup';
import { requireString, type CliArgs } from './args';

export async function withDb<T>(args: CliArgs, run: (db: Db) => T | Promise<T>): Promise<T> {
  const dbPath = requireString(args, 'db', '数据库文件');
  if (!fs.existsSync(dbPath)) throw new AppError('NOT_FOUND', `找不到数据库文件 ${dbPath}，请先用 init 创建`);
  const { db } = await openDatabase(dbPath);
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

/** The id of the clinic --clinic names; refused in Chinese when none or several match. */
export function clinicOf(db: Db, args: CliArgs): number {
  const written = requireString(args, 'clinic', '村卫生室名称或机构编码');
  const found = lookupClinic(db, written);
  if (found.ok) return found.clinic.id;
  if (found.candidates.length > 1) {
    throw new AppError('BAD_REQUEST', `“${written}”可能是 ${found.candidates.map((c) => c.name).join('、')}，请写全称或机构编码`);
  }
  throw new AppError('NOT_FOUND', `没有名为“${written}”的村卫生室，请核对名称或机构编码`);
}
