/**
 * End-to-end harness: one headless Debian Chromium per test file, and per test a fresh temp
 * folder with its own database, an in-process Session and browser-mode web server, and a new
 * browser context on the server's tokened address. Nothing is downloaded; the renderer must
 * already be built into out/renderer (`npm test` builds it first).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Input, OpName, Output } from '../../shared/contract';
import { findRendererDir } from '../../electron/cli/serve';
import { dispatch } from '../../electron/app/dispatch';
import { Session } from '../../electron/app/session';
import { startWebServer, type WebServer } from '../../electron/web';

export const CHROMIUM_PATH = process.env.THD_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A center that has passed the first-run page. */
export const CENTER = { centerName: '青石镇卫生院', county: '青石县' } as const;
/** Its administrator, made at that first run (the page then opens signed in as them). */
export const ADMIN = { login: 'zhangwei', name: '张伟', password: 'qingshi-2026' } as const;

/** The built renderer, or a clear instruction when it has not been built. */
export function rendererDir(): string {
  try {
    // A private build (THD_RENDERER_DIR) lets parallel work test its own renderer.
    return findRendererDir(process.env.THD_RENDERER_DIR);
  } catch {
    throw new Error('找不到 out/renderer/index.html：请先运行 `node scripts/build.mjs --quiet`（`npm test` 会先构建）再跑端到端测试');
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`找不到 Chromium：${CHROMIUM_PATH}（可用 THD_CHROMIUM 指定；不要下载浏览器）`);
  rendererDir();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Counts {
  villages: number;
  clinics: number;
  audit: number;
}

export interface AppOptions {
  /** Start in the demo township (河阳镇, 18 villages, 沈洼村 blank). */
  demo?: boolean;
  /** Name the real center and create ADMIN before the page opens, skipping the first-run page; the page opens signed in as ADMIN. */
  center?: boolean;
  viewport?: { width: number; height: number };
}

export interface TestApp {
  dir: string;
  session: Session;
  server: WebServer;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page (React crashes and the like). */
  pageErrors: string[];
  /** Row counts read from the database file of the open database, with a separate read-only connection. */
  counts(file?: string): Counts;
  /** Calls the core directly (for arranging a test's starting state); throws on failure. */
  call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>>;
  close(): Promise<void>;
}

export function countsOf(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { villages: n('villages'), clinics: n('clinics'), audit: n('audit_log') };
  } finally {
    db.close();
  }
}

export async function openApp(browser: Browser, opts: AppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-e2e-'));
  const session = await Session.open({ dbPath: path.join(dir, 'township.sqlite'), shell: 'browser', startInDemo: Boolean(opts.demo) });
  const call = async <K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> => {
    const r = await dispatch(session, op, input);
    if (!r.ok) throw new Error(`${op} 失败：${r.error.message}`);
    return r.value as Output<K>;
  };
  if (opts.center) {
    await call('app.firstRun', {
      ...CENTER,
      adminLogin: ADMIN.login,
      adminName: ADMIN.name,
      password: ADMIN.password,
      passwordAgain: ADMIN.password,
    });
  }
  const server = await startWebServer({ session, staticDir: rendererDir() });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1366, height: 820 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.openUrl);
  return {
    dir,
    session,
    server,
    context,
    page,
    pageErrors,
    counts: (file) => countsOf(file ?? session.dbPath),
    call,
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close();
      session.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
