/**
 * Bench row (q), issue 11: "a month's batch of 35 printed sheets rendered to PDF in the browser
 * mode < 10 s". The supervision bench's database (35 clinics, a final 40-item visit each in
 * December 2026) is served as `serve` serves it (Session + startWebServer, a first run made),
 * the built renderer is opened in /usr/bin/chromium (playwright-core, a devDependency: the
 * bench and the tests only), 月度督导 → 打印本月全部 opens the month's batch, and the time runs
 * from that click to the PDF's bytes (page.pdf, A4, the page's @page rules), its pages counted
 * with pdfinfo. Beside it, the raw figure: the very same HTML, scripts removed, put into a
 * fresh page and turned into a PDF — Chromium's layout and PDF alone, without the app's calls
 * and React. Three runs, the median.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { dispatch } from '../electron/app/dispatch';
import { Session } from '../electron/app/session';
import { findRendererDir } from '../electron/cli/serve';
import { startWebServer } from '../electron/web';

const CHROMIUM = process.env.THD_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUNS = 3;

export interface PrintBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function pagesOf(pdf: Buffer, dir: string): number {
  const file = path.join(dir, 'batch.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  } catch {
    // No pdfinfo: count the page objects.
    return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  }
}

/** `dbFile`: the supervision bench's database, closed; `month`: the month whose 35 sheets print. */
export async function benchPrintPdf(dbFile: string, dir: string, month: string, sheets: number): Promise<PrintBenchRow> {
  const what = `(q) 一个月 ${sheets} 张督导考核表在浏览器模式下生成 PDF（打印本月全部 → PDF 字节），${RUNS} 次中位数`;
  let staticDir: string;
  try {
    staticDir = findRendererDir(process.env.THD_RENDERER_DIR);
  } catch {
    return { what, ours: '未测：没有构建好的界面（先运行 node scripts/build.mjs）', raw: '—', target: '< 10 s', pass: false };
  }
  if (!fs.existsSync(CHROMIUM)) return { what, ours: `未测：找不到 ${CHROMIUM}`, raw: '—', target: '< 10 s', pass: false };
  const session = await Session.open({ dbPath: dbFile, shell: 'browser', startInDemo: false });
  const first = await dispatch(session, 'app.firstRun', {
    centerName: '基准镇卫生院',
    county: '基准县',
    adminLogin: 'bench',
    adminName: '基准',
    password: 'bench-2026-print',
    passwordAgain: 'bench-2026-print',
  });
  if (!first.ok) throw new Error(first.error.message);
  const server = await startWebServer({ session, staticDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const ours: number[] = [];
    const ready: number[] = [];
    const raw: number[] = [];
    let pages = 0;
    let rawPages = 0;
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      // The page's "this month" is the bench's month.
      await page.clock.setFixedTime(new Date(`${month}-06T10:00:00+08:00`));
      await page.goto(server.openUrl);
      await page.getByRole('menuitem', { name: '督导考核' }).click();
      await page.getByRole('menuitem', { name: '月度督导' }).click();
      await page.getByTestId('visits-table').getByText('已完成').first().waitFor();
      const t0 = performance.now();
      await page.getByRole('button', { name: /打印本月全部/ }).click();
      await page.locator('.print-root[data-ready="true"]').waitFor();
      await page
        .locator('.print-sheet')
        .nth(sheets - 1)
        .waitFor();
      ready.push(performance.now() - t0);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      ours.push(performance.now() - t0);
      pages = pagesOf(pdf, dir);
      bytes = pdf.length;
      // Raw: the same HTML without the app — scripts out, the styles in force inlined (a page of its
      // own may not load the server's stylesheets: they are crossorigin and the server refuses a
      // foreign Origin). A string: the node typecheck has no DOM types.
      const html = await page.evaluate<string>(`(() => {
        const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\\n')).join('\\n');
        const d = document.documentElement.cloneNode(true);
        d.querySelectorAll('script, link[rel="stylesheet"], style').forEach((n) => n.remove());
        const style = document.createElement('style');
        style.textContent = css;
        d.querySelector('head').appendChild(style);
        return '<!doctype html>' + d.outerHTML;
      })()`);
      const bare = await context.newPage();
      const r0 = performance.now();
      await bare.setContent(html, { waitUntil: 'load' });
      const rawPdf = await bare.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      raw.push(performance.now() - r0);
      rawPages = pagesOf(rawPdf, dir);
      await context.close();
    }
    const o = median(ours);
    const r = median(raw);
    return {
      what,
      ours: `${(o / 1000).toFixed(2)} s（其中打开打印视图 ${(median(ready) / 1000).toFixed(2)} s；${pages} 页，${(bytes / 1024).toFixed(0)} KB），${(o / r).toFixed(2)}× 原生`,
      raw: `${(r / 1000).toFixed(2)} s（同一 HTML 与样式、去掉脚本直接生成 PDF，${rawPages} 页）`,
      target: '< 10 s',
      pass: o < 10_000 && pages >= sheets,
    };
  } finally {
    await browser.close();
    await server.close();
    session.close();
  }
}
