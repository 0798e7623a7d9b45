/**
 * Issue 4, labels: 打印标签 opens A4 sheets (3 × 8) for exactly the assets the list showed; the
 * printed PDF has one page per 24 labels, and each QR code holds the asset code only (redrawn
 * here with the same options and compared). Page 1 is also rendered to PNG for a human look
 * (/tmp/e2e-labels/labels-1.png).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAsset } from '../helpers/assets';
import { QR_OPTIONS } from '../../renderer/pages/labels/qrOptions';
import { button, expectCount, openMenu } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const LOOK_DIR = '/tmp/e2e-labels';

async function printLabels(page: Page, summary: RegExp): Promise<void> {
  await button(page, '打印标签').click();
  await page.locator('.labels-page[data-ready="true"]').waitFor();
  await page.getByText(summary).waitFor();
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const pathData = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);

describe('asset labels', () => {
  it('prints the listed assets on A4 sheets of 24, each QR code holding only the asset code', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    for (let i = 0; i < 30; i++) {
      await addAsset(
        app.session,
        i < 5 ? { name: '心电图机', model: `ECG-${i}` } : { name: `办公桌${i}`, category: 'furniture', model: '1.4 米', valueFen: 80_000 },
      );
    }
    await openMenu(page, '固定资产');
    await expectCount(page, 30);
    await printLabels(page, /共 30 张标签，2 页 A4/);
    expect(await page.locator('.label-sheet').count()).toBe(2);
    // The sidebar and header are not on this page at all; the toolbar is hidden on paper.
    expect(await page.locator('.app-sider').count()).toBe(0);

    const first = page.locator('.asset-label').first();
    const code = (await first.getAttribute('data-code')) ?? '';
    expect(code).toBe('WSY-00001');
    await first.getByText('心电图机').waitFor();
    await first.getByText('卫生院本部').waitFor();
    await first.getByText('ECG-0').waitFor();
    const drawn = await first.locator('.asset-label-qr').innerHTML();
    expect(pathData(drawn)).toEqual(pathData(await QRCode.toString(code, QR_OPTIONS)));

    fs.mkdirSync(LOOK_DIR, { recursive: true });
    const pdf = path.join(app.dir, 'labels.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(2);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(LOOK_DIR, 'labels')]);
    const png = fs.readdirSync(LOOK_DIR).find((f) => /^labels-0*1\.png$/.test(f));
    expect(png, 'pdftoppm 应生成第 1 页的图片').toBeDefined();

    // Only what the list shows: a search carries over to the sheet.
    await button(page, '返回固定资产').click();
    await page.getByRole('textbox', { name: '搜索' }).fill('心电图');
    await expectCount(page, 5);
    await printLabels(page, /共 5 张标签，1 页 A4/);
    expect(await page.locator('.asset-label').count()).toBe(5);
    const one = path.join(app.dir, 'one.pdf');
    await page.pdf({ path: one, preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(one)).toBe(1);
  });
});
