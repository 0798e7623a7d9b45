// `npm start` / `npm run demo`: opens the app. With the Electron binary installed, a desktop
// window; without it (as where Electron's download host is unreachable), the browser mode on
// 127.0.0.1, printing the address to open. Rebuilds first when sources are newer than the build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = [path.join(root, 'out/renderer/index.html'), path.join(root, 'out/electron/cli.js')];
const builtAt = Math.min(...built.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
const sourcesAt = Math.max(...['renderer', 'shared', 'electron'].map((d) => newestMtime(path.join(root, d))));
if (builtAt < sourcesAt) {
  console.log('源代码有更新，正在构建…');
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

let electronBinary = '';
try {
  const txt = fs.readFileSync(path.join(root, 'node_modules/electron/path.txt'), 'utf8').trim();
  const p = path.join(root, 'node_modules/electron/dist', txt);
  if (fs.existsSync(p)) electronBinary = p;
} catch {
  // No binary: browser mode below.
}

const child = electronBinary
  ? spawn(electronBinary, [path.join(root, 'out/electron/main.js'), ...args], { stdio: 'inherit' })
  : (console.log('未安装 Electron 桌面程序，使用浏览器模式。'),
    spawn(process.execPath, [path.join(root, 'out/electron/cli.js'), 'serve', ...(process.env.CI ? [] : ['--open']), ...args], {
      stdio: 'inherit',
    }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
