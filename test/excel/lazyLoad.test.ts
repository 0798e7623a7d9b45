/**
 * exceljs takes a quarter of a second to load, so the app must start without it: importing the
 * handler table and the web server loads no exceljs file until a workbook is read or written.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

const probe = `
import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/exceljs/'));
await import('./electron/app/handlers.ts');
await import('./electron/web.ts');
await import('./electron/cli/excel.ts');
const atStart = loaded();
const { loadExcel } = await import('./electron/excel/load.ts');
await loadExcel();
console.log(JSON.stringify({ atStart, afterUse: loaded() }));
`;

it('loads exceljs only when a workbook is first used', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout.trim())).toEqual({ atStart: false, afterUse: true });
});
