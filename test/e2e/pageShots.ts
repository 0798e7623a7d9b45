/**
 * A screenshot of every page of the demo township at the office screen (1366×768) and at
 * 1920×1080, for a human look before a session ends (issue 12: "screenshots of every page at
 * 1366 looked at"). Not a test: build the renderer, then `npx tsx test/e2e/pageShots.ts [DIR]`
 * (PNG files go to /tmp/page-shots). Page errors and Chinese-less pages are printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pages, type PageName } from '../../renderer/pageNames';
import { launchBrowser, openApp } from './harness';

const outDir = path.resolve(process.argv[2] ?? '/tmp/page-shots');
/**
 * Every page of the router (renderer/pageNames.ts), so a page added there is photographed too;
 * a page that shows one record is given the demo's first (the clinic's own page, 卫生室档案).
 */
const demoQuery: Partial<Record<PageName, string>> = { clinic: 'id=1' };
const routes = pages.map((p) => (demoQuery[p] ? `${p}?${demoQuery[p]}` : p));
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const viewport of sizes) {
      const app = await openApp(browser, { demo: true, viewport });
      try {
        const { page } = app;
        await page.locator('.ant-layout-sider, nav, aside').first().waitFor();
        for (const [i, route] of routes.entries()) {
          // The node typecheck has no DOM types: the navigation is written as the page runs it.
          await page.evaluate(`window.location.hash = '#/${route}'`);
          // Lists load over the API; let them and antd's animations settle.
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(700);
          const file = path.join(outDir, `${viewport.width}-${String(i).padStart(2, '0')}-${route.replace(/\W+/g, '_')}.png`);
          await page.screenshot({ path: file });
          const text = await page.locator('body').innerText();
          if (!/[\u4e00-\u9fff]/.test(text)) console.warn(`没有中文：${route}`);
          console.log(file);
        }
        if (app.pageErrors.length > 0) console.warn(`页面错误：${app.pageErrors.join('；')}`);
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
  }
}

void main();
