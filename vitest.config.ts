import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'test/unit/**/*.test.ts',
            'test/db/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/excel/**/*.test.ts',
            'test/web/**/*.test.ts',
            'test/electron/**/*.test.ts',
          ],
          environment: 'node',
          env: { THD_CHECK_OUTPUT: '1' },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env: { THD_CHECK_OUTPUT: '1' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
