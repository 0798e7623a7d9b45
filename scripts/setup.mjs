// One-step set-up on a fresh machine: install the npm packages without letting Electron's
// binary download break the install, then fetch the Electron binary where its host is
// reachable (best effort), then build. Safe to run again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, extraEnv = {}, timeoutMs) =>
  spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
    timeout: timeoutMs,
    shell: process.platform === 'win32',
  });

console.log('1/3 安装依赖（npm install）…');
// `npm install`, not `npm ci`: the lock file records only the optional platform packages the
// registry had (e.g. rollup's Android builds are missing from the mirror we build on), and
// `npm ci` refuses such a lock while `npm install` follows it and skips what is absent.
const install = run(npm, ['install', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
if (install.status !== 0) {
  console.error('依赖安装失败，请检查网络或 npm 源后重试。');
  process.exit(install.status ?? 1);
}

const electronDir = path.join(root, 'node_modules', 'electron');
const hasBinary = () => fs.existsSync(path.join(electronDir, 'path.txt'));
if (process.env.CI || process.env.THD_SKIP_ELECTRON) {
  console.log('2/3 跳过 Electron 桌面程序下载（CI 或 THD_SKIP_ELECTRON）。');
} else if (hasBinary()) {
  console.log('2/3 Electron 桌面程序已就绪。');
} else {
  console.log('2/3 尝试下载 Electron 桌面程序（最多 3 分钟）…');
  // Its output is captured, not shown: where the host is unreachable it is a stack trace. It all
  // goes to a log file, named in the one line printed on failure.
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 180_000,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const outcome = r.error ? String(r.error) : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
  let logFile = path.join(os.tmpdir(), 'township-health-desk-electron-download.log');
  try {
    fs.writeFileSync(logFile, `node ${path.join(electronDir, 'install.js')}\n${new Date().toISOString()} ${outcome}\n\n${output}`);
  } catch {
    logFile = null;
  }
  if (r.status === 0 && hasBinary()) {
    console.log('Electron 已下载，将以桌面窗口启动。');
  } else {
    const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
    const unreachable = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up/i.test(output);
    const why = timedOut ? '3 分钟内未下载完' : unreachable ? '下载服务器不可达' : '下载失败';
    console.log(`无法下载 Electron（${why}），将以浏览器模式运行，功能相同。${logFile ? `详情见 ${logFile}` : ''}`);
  }
}

console.log('3/3 构建程序…');
const b = run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet']);
if (b.status !== 0) process.exit(b.status ?? 1);
console.log('安装完成。运行 npm run demo 打开演示乡镇，npm start 打开正式数据。');
