import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup';
import { call, village } from '../helpers/calls';
import { auditCount, dumpFile, openSession, tempDbPath } from '../helpers/tempDb';

describe('Session', () => {
  it('takes no daily backup of an empty database, one for a database with data, and not twice a day', async () => {
    const file = tempDbPath();
    const first = await openSession(file);
    expect(listBackups(file)).toEqual([]);
    await call(first, 'villages.create', village({ name: '甲村' }));
    first.close();

    const second = await openSession(file);
    const daily = listBackups(file).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(1);
    expect(dumpFile(daily[0]?.file ?? '')).toContain('甲村');
    second.close();

    await openSession(file);
    expect(listBackups(file).filter((b) => b.reason === 'daily')).toHaveLength(1);
  });

  it('backups.create makes a manual copy, lists it, and records it in the audit log', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '甲村' }));
    const n0 = auditCount(s.db);
    const made = await call(s, 'backups.create', {});
    expect(made.reason).toBe('manual');
    expect(dumpFile(made.file)).toContain('甲村');
    expect((await call(s, 'backups.list', {})).map((b) => b.file)).toContain(made.file);
    expect(auditCount(s.db)).toBe(n0 + 1);
    expect((await call(s, 'audit.list', { limit: 1 })).rows[0]).toMatchObject({ action: 'backup', entity: 'database' });
  });
});
