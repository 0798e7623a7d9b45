/**
 * The hooks every e2e file shares: one browser per file, one app (temp folder, server, browser
 * context) per test, closed after it. A failed test leaves a screenshot and an accessibility snapshot in /tmp/e2e-failures,
 * and any uncaught error in the page fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, openApp, type AppOptions, type TestApp } from './harness';

const FAILURE_DIR = '/tmp/e2e-failures';

export function useE2e(): { open(opts?: AppOptions): Promise<TestApp> } {
  let browser: Browser | undefined;
  let app: TestApp | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (ctx) => {
    const current = app;
    app = undefined;
    if (!current) return;
    if (ctx.task.result?.state === 'fail') {
      fs.mkdirSync(FAILURE_DIR, { recursive: true });
      const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
      await current.page.screenshot({ path: path.join(FAILURE_DIR, `${name}.png`) }).catch(() => undefined);
      const aria = await current.page
        .locator('body')
        .ariaSnapshot()
        .catch(() => '');
      fs.writeFileSync(path.join(FAILURE_DIR, `${name}.aria.yml`), aria);
    }
    const errors = [...current.pageErrors];
    await current.close();
    expect(errors, '页面不应出现未捕获的错误').toEqual([]);
  });

  return {
    async open(opts) {
      if (!browser) throw new Error('浏览器尚未启动');
      app = await openApp(browser, opts);
      return app;
    },
  };
}
