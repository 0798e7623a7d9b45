// Lint rules, including the process boundaries of ARCHITECTURE.md: the renderer imports only
// shared/ (never electron/ or Node), shared/ imports no platform, and only main/preload/ipc
// import Electron. A wrong import fails `npm run lint` (and so `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const onlyShellsImportElectron = { name: 'electron', message: '只有 main.ts、preload.ts、ipc.ts 可以引用 electron' };

/** Import paths (relative, from anywhere under electron/) of each layer of the main process. */
const layerPaths = {
  shells: '^(\\.\\.?/)+(main|ipc|web|cli|preload)(\\.ts)?$|^(\\.\\.?/)+cli/',
  app: '^(\\.\\.?/)+app/',
  demo: '^(\\.\\.?/)+demo/',
  domains: '^(\\.\\.?/)+domains/',
  excel: '^(\\.\\.?/)+excel/',
};

function layer(files, above, message) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [onlyShellsImportElectron], patterns: above.map((l) => ({ regex: layerPaths[l], message })) },
      ],
    },
  };
}

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron', 'electron/*'], message: '界面只能引用 shared/，不能引用主进程代码或 Electron' },
            { group: ['node:*', ...nodeBuiltins, 'better-sqlite3', 'exceljs'], message: '界面运行在浏览器沙箱里，不能使用 Node 模块' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'antd'], message: 'shared/ 不依赖任何一侧' },
            { group: ['node:*', ...nodeBuiltins, 'better-sqlite3', 'exceljs'], message: 'shared/ 不能使用 Node 模块' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [onlyShellsImportElectron], patterns: [] }],
    },
  },
  // The layers of the main process (ARCHITECTURE.md): shells → app → domains → (excel engine, db) → shared.
  // A file may import its own layer and the layers below it, never one above.
  layer('electron/app/**/*.ts', ['shells'], '应用层（app/）不能引用外壳（main、ipc、web、cli）'),
  layer('electron/domains/**/*.ts', ['shells', 'app', 'demo'], '业务域（domains/）不能引用应用层、演示数据或外壳'),
  layer('electron/excel/**/*.ts', ['shells', 'app', 'demo', 'domains'], 'Excel 格式引擎（excel/）不懂业务：不能引用 domains/、app/ 或外壳'),
  layer('electron/db/**/*.ts', ['shells', 'app', 'demo', 'domains', 'excel'], '数据库层（db/）在最底层：不能引用上面的任何一层'),
);
