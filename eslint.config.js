// Lint rules, including the process boundaries of ARCHITECTURE.md: the renderer imports only
// shared/ (never electron/ or Node), shared/ imports no platform, and only main/preload/ipc
// import Electron. A wrong import fails `npm run lint` (and so `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: '只有 main.ts、preload.ts、ipc.ts 可以引用 electron' }] }],
    },
  },
);
