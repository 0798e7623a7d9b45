// `npm test`: the whole suite, from a fresh clone if need be. Installs what is missing
// (npm packages; Debian's chromium and CJK fonts when running as root), then typechecks both
// sides, lints, builds, and runs every vitest project (unit, database, CLI, Excel, and the
// end-to-end tests in headless Chromium). Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const step = (title, cmd, args, env = {}) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} 失败`);
    console.log('0 passed, 1 failed');
    process.exit(r.status ?? 1);
  }
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!fs.existsSync(path.join(root, 'node_modules', '.bin', 'vitest'))) {
  step('安装依赖', process.execPath, [path.join(root, 'scripts/setup.mjs')], { THD_SKIP_ELECTRON: '1' });
}
const chromium = process.env.THD_CHROMIUM ?? '/usr/bin/chromium';
// Chromium drives the end-to-end tests; LibreOffice is the second, independent reader of our workbooks.
const aptNeeds = ['chromium', 'fonts-noto-cjk', 'libreoffice-calc'];
if (!fs.existsSync(chromium) || !fs.existsSync('/usr/share/fonts/opentype/noto') || !fs.existsSync('/usr/bin/soffice')) {
  if (process.getuid?.() === 0) {
    step('安装 chromium、中文字体与 LibreOffice（apt）', 'bash', [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${aptNeeds.join(' ')}`,
    ]);
  } else {
    console.error(`需要 Debian 软件包：sudo apt-get install ${aptNeeds.join(' ')}`);
    process.exit(1);
  }
}

step('类型检查（主进程侧）', bin('tsc'), ['-p', 'tsconfig.node.json']);
step('类型检查（界面侧）', bin('tsc'), ['-p', 'tsconfig.web.json']);
step('代码检查（ESLint）', bin('eslint'), ['--max-warnings', '0', '.']);
step('格式检查（Prettier；npm run format 可自动整理）', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
step('构建', process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet']);

const report = path.join(os.tmpdir(), `thd-vitest-${process.pid}.json`);
console.log('\n▶ 测试（vitest：单元、数据库、命令行、Excel、端到端）');
const r = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  cwd: root,
  stdio: 'inherit',
});
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numTotalTestSuites > 0 && json.success === false && json.numFailedTests === 0 ? 1 : 0);
} catch {
  failed = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
