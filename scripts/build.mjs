// Builds both halves: the renderer with Vite into out/renderer, and the Node side (Electron main,
// preload, CLI) with esbuild into out/electron. Native and heavy modules stay external.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || console.log(m);

log('构建界面（Vite）…');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', quiet ? 'warn' : 'info'], {
  cwd: root,
  stdio: 'inherit',
});

log('构建主进程与命令行（esbuild）…');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'exceljs'],
  logLevel: 'warning',
};
fs.mkdirSync(path.join(root, 'out/electron'), { recursive: true });
await build({
  ...common,
  format: 'esm',
  entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts' },
  outdir: path.join(root, 'out/electron'),
  // Bundled ESM still needs `require` for the external CommonJS packages.
  banner: { js: "import { createRequire as __thdCreateRequire } from 'node:module'; const require = __thdCreateRequire(import.meta.url);" },
});
// A sandboxed preload must be a single CommonJS file.
await build({ ...common, format: 'cjs', entryPoints: ['electron/preload.ts'], outfile: path.join(root, 'out/electron/preload.cjs') });
log('构建完成：out/renderer 与 out/electron');
