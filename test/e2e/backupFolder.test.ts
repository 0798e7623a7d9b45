/**
 * Issue 12 item 10 on screen (browser mode, where there is no native folder dialog): 备份到…
 * takes a typed folder; a missing one is refused with the Chinese message and nothing written;
 * a real one gets the copy, whose full path and size are shown. The restore then looks into that
 * file first — its date and content counts — and, confirmed, brings the data back to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { village } from '../helpers/calls';
import { countsOf } from './harness';
import { button, dialog, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('备份到… a chosen folder, then restore from that file', () => {
  it('refuses a missing folder, backs up to a typed one showing the path, and restores that file after showing its date and counts', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    await app.call('villages.create', village({ name: '甲村' }));
    await app.call('villages.create', village({ name: '乙村' }));
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-usb-'));
    dirs.push(usb);
    const missing = path.join(usb, '没插的U盘');

    await openMenu(page, '设置');
    await button(page, '备份到…').click();
    const form = await settle(dialog(page, '备份到文件夹'));
    await form.locator(':focus').first().waitFor();
    await page.keyboard.type(missing);
    await button(form, '备份').click();
    await form.getByText('插入U盘后重试').waitFor();
    await form.getByText('路径不存在').waitFor();
    expect(fs.readdirSync(usb)).toEqual([]);

    await form.locator('input').fill(usb);
    await button(form, '备份').click();
    const done = await settle(dialog(page, '已备份到文件夹'));
    const files = fs.readdirSync(usb);
    expect(files).toHaveLength(1);
    const made = path.join(usb, files[0] ?? '');
    expect(made).toMatch(/-folder\.sqlite$/);
    await done.getByText(made).waitFor();
    await done.getByText(/大小：\d+(\.\d)? (KB|MB)/).waitFor();
    await button(done, '知道了').click();
    expect(countsOf(made).villages).toBe(2);

    // Later work, which the restore will take back.
    await app.call('villages.create', village({ name: '丙村' }));
    expect(countsOf(app.session.dbPath).villages).toBe(3);

    await page.getByPlaceholder('其他位置的备份文件（完整路径）').fill(made);
    await button(page, '从此文件恢复').click();
    const confirm = await settle(dialog(page, '从这份备份恢复数据？'));
    await confirm.getByText(made).waitFor();
    await confirm.getByText('备份到文件夹').waitFor();
    await confirm.getByText(/备份时间：\d{4}年\d{1,2}月\d{1,2}日/).waitFor();
    await confirm.getByText('行政村 2 个', { exact: false }).waitFor();
    await button(confirm, '恢复').click();

    const restored = await settle(dialog(page, '已恢复'));
    await restored.getByText(made).first().waitFor();
    await restored.getByText('恢复前的数据已另存为').waitFor();
    await button(restored, '知道了').click();
    await openMenu(page, '行政村');
    await page.getByText('乙村').first().waitFor();
    expect(await page.getByText('丙村').count()).toBe(0);
    expect(countsOf(app.session.dbPath).villages).toBe(2);
  });
});
