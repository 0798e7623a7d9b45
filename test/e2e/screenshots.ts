/**
 * Screenshots of each main page for a human check (Chinese renders, nothing cut off, errors
 * clear). Not a test: run `npx tsx test/e2e/screenshots.ts` after building the renderer; the
 * PNGs go to /tmp/e2e-shots (or the folder given as the first argument).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { assetShots } from './assetShots';
import { launchBrowser, openApp, type TestApp } from './harness';
import { button, dialog, expectCount, fillNumber, openMenu } from './ui';

const outDir = path.resolve(process.argv[2] ?? '/tmp/e2e-shots');

async function shot(page: Page, name: string): Promise<void> {
  // Let antd's open/close animations and the message toasts settle before the picture.
  await page.waitForTimeout(400);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function withApp(browser: Browser, opts: { demo?: boolean }, run: (a: TestApp) => Promise<void>): Promise<void> {
  const app = await openApp(browser, opts);
  try {
    await run(app);
    if (app.pageErrors.length > 0) console.warn(`页面错误：${app.pageErrors.join('；')}`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    await withApp(browser, {}, async ({ page }) => {
      await page.getByRole('heading', { name: '欢迎使用乡村卫生一体化管理' }).waitFor();
      await shot(page, '01-first-run');
      await button(page, '开始使用').click();
      await page.getByText('请填写卫生院名称').waitFor();
      await shot(page, '02-first-run-errors');
    });

    await withApp(browser, { demo: true }, async ({ page }) => {
      await page.getByTestId('blank-count').waitFor();
      await shot(page, '03-home');

      await openMenu(page, '行政村');
      await expectCount(page, 18);
      await shot(page, '04-villages');

      await button(page, '新增行政村').click();
      const drawer = dialog(page, '新增行政村');
      await drawer.getByLabel('村名').fill('张庄村');
      await fillNumber(drawer.getByLabel('服务人口'), 900);
      await drawer.getByRole('radio', { name: '巡诊' }).check();
      await button(drawer, '保存').click();
      await drawer.getByText('选择巡诊时，每月巡诊次数至少为 1').waitFor();
      await shot(page, '05-village-form-errors');
      await fillNumber(drawer.getByLabel('每月巡诊次数'), 2);
      await button(drawer, '保存').click();
      await drawer.getByTestId('form-error').waitFor();
      await shot(page, '06-village-form-conflict');
      await button(drawer, '取消').click();
      await page.getByRole('dialog', { name: '放弃未保存的修改？' }).waitFor();
      await shot(page, '07-unsaved-changes');
      await page.getByRole('button', { name: '放弃修改' }).click();

      await openMenu(page, '村卫生室');
      await expectCount(page, 14);
      await shot(page, '08-clinics');
      await page.getByText('陈杨联合卫生室').click();
      const clinic = dialog(page, '编辑村卫生室：陈杨联合卫生室');
      await clinic.waitFor();
      await shot(page, '09-clinic-drawer');
      await clinic.getByRole('button', { name: '撤销该卫生室…' }).click();
      const close = dialog(page, /撤销村卫生室/);
      await close.waitFor();
      await button(close, '确认撤销').click();
      await close
        .getByText(/请填写撤销原因/)
        .first()
        .waitFor();
      await shot(page, '10-close-clinic-errors');
      await button(close, '取消').click();

      await openMenu(page, '上报报表');
      await page
        .getByRole('listitem')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await shot(page, '11-returns');

      await openMenu(page, '操作记录');
      await page.getByTestId('row-count').waitFor();
      await shot(page, '12-audit');

      await openMenu(page, '设置');
      await page.getByLabel('每名村医服务人口').waitFor();
      await shot(page, '13-settings');
      await page.getByLabel('每名村医服务人口').fill('50');
      await button(page, '保存设置').click();
      await page
        .getByRole('alert')
        .filter({ hasText: /每名村医服务人口/ })
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
      await page.evaluate<void>("document.querySelector('.app-content').scrollTo(0, 0)");
      await shot(page, '14-settings-errors');
    });

    await withApp(browser, { demo: true }, async ({ page, server }) => {
      // A small laptop screen, where overflow shows first.
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.goto(`${server.url}#/clinics`);
      await expectCount(page, 14);
      await shot(page, '15-clinics-1024');
      await page.goto(`${server.url}#/home`);
      await page.getByTestId('blank-count').waitFor();
      await shot(page, '16-home-1024');
    });

    await withApp(browser, { demo: true }, (app) => assetShots(app, shot));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
