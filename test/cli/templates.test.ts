/** `import template` on the command line (P6): a dry run previews with the warnings and writes nothing; without it the warnings are confirmed and the version loads; a bad row refuses. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDb';
import { notAddingUp } from '../excel/templateFixtures';
import { cli, cliOk } from './run';

function templates(db: string): unknown[] {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT version, name, effective_from, base_total_tenths FROM supervision_templates ORDER BY version').raw().all();
  } finally {
    raw.close();
  }
}

describe('cli: import template', () => {
  it('previews with --dry-run (nothing written), loads without it, and refuses a sheet with a bad row', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'township.sqlite');
    cliOk('init', '--db', db, '--center', '河阳镇中心卫生院', '--county', '河阳县');
    const file = await notAddingUp(path.join(dir, '考核细则.xlsx'), false);
    const preview = cliOk('import', 'template', file, '--db', db, '--dry-run', '--effective', '2026-07');
    expect(preview).toContain('考核细则（试行）（第 1 版，2026-07 起执行）');
    expect(preview).toContain('注意：“药品管理”写明 10 分，其中各项基础分合计 8 分');
    expect(preview).toContain('（预览，未写入。确认以上分值不符无误后，去掉 --dry-run 即载入）');
    expect(templates(db)).toEqual([]);
    const loaded = cliOk('import', 'template', file, '--db', db, '--effective', '2026-07', '--name', '河阳县考核细则');
    expect(loaded).toContain('已载入为第 1 版（已确认 2 处分值不符）');
    expect(templates(db)).toEqual([[1, '河阳县考核细则', '2026-07', 980]]);

    const bad = await notAddingUp(path.join(dir, '有错.xlsx'), true);
    const refused = cli('import', 'template', bad, '--db', db, '--effective', '2026-09');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('第 10 行：“健康教育宣传”没有分值');
    const month = cli('import', 'template', file, '--db', db, '--effective', '2026-7');
    expect(month.stderr).toContain('--effective 应为 年-月');
    expect(templates(db)).toHaveLength(1);
  });
});
