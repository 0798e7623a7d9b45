/**
 * Issue 9, point 1, on screen: the settings page lists the backups; 恢复 asks first, saying
 * what will happen (the backup's date and file, today's data kept as a safety copy), restores
 * through the running app and shows where the replaced data went; the pages then show the
 * restored data, and later saves land in the restored file.
 */
import { describe, expect, it } from 'vitest';
import { village } from '../helpers/calls';
import { countsOf } from './harness';
import { button, dialog, openMenu, settle } from './ui';
import { useE2e } from './suite';

const e2e = useE2e();

describe('backups on the settings page', () => {
  it('restores a backup after a confirmation that says what will happen', async () => {
    const app = await e2e.open({ center: true });
    const { page } = app;
    await app.call('villages.create', village({ name: '甲村' }));
    const made = await app.call('backups.create', {});
    await app.call('villages.create', village({ name: '乙村' }));
    expect(countsOf(app.session.dbPath).villages).toBe(2);

    await openMenu(page, '设置');
    const row = page.getByRole('row').filter({ hasText: '手动备份' });
    await button(row, '恢复').click();
    const confirm = await settle(dialog(page, '从这份备份恢复数据？'));
    await confirm.getByText(made.file).waitFor();
    await confirm.getByText('现在的数据会先另存为一份“恢复前的数据”').waitFor();
    await button(confirm, '恢复').click();

    const done = await settle(dialog(page, '已恢复'));
    await done.getByText(made.file).first().waitFor();
    await done.getByText('恢复前的数据已另存为').waitFor();
    await button(done, '知道了').click();

    await openMenu(page, '行政村');
    await page.getByText('甲村').first().waitFor();
    expect(await page.getByText('乙村').count()).toBe(0);
    expect(countsOf(app.session.dbPath).villages).toBe(1);
    await app.call('villages.create', village({ name: '丙村' }));
    expect(countsOf(app.session.dbPath).villages).toBe(2);

    await openMenu(page, '设置');
    await page.getByRole('row').filter({ hasText: '恢复前的数据' }).first().waitFor();
  });
});
