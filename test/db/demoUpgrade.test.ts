/**
 * A demo made before the asset module (schema 3) gains the demo's assets when the new version
 * opens it, so every page has something to show; a real database never gets demo data.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../electron/app/session';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { tempDir } from '../helpers/tempDb';

async function schema3File(file: string): Promise<void> {
  const { db } = await openDatabase(file, migrations.slice(0, 3));
  db.prepare(
    `INSERT INTO clinics (code, name, property, building_area, insurance_point, status, created_at, updated_at)
    VALUES ('HY001-01', '张庄村卫生室', 'public', 120, 1, 'open', 'x', 'x')`,
  ).run();
  db.close();
}

describe('an older demo', () => {
  it('gets the demo assets on opening; an older real database does not', async () => {
    const dir = tempDir();
    const demo = path.join(dir, 'demo.sqlite');
    const real = path.join(dir, 'township.sqlite');
    await schema3File(demo);
    await schema3File(real);
    const s = await Session.open({ dbPath: real, shell: 'browser', startInDemo: true, demoPath: demo });
    try {
      const held = s.db
        .prepare("SELECT count(*) FROM assets WHERE holder_clinic_id = (SELECT id FROM clinics WHERE code = 'HY001-01')")
        .pluck()
        .get();
      expect(Number(held)).toBeGreaterThan(5);
      await s.switchTo('real');
      expect(Number(s.db.prepare('SELECT count(*) FROM assets').pluck().get())).toBe(0);
      // Opening the demo again adds nothing more.
      await s.switchTo('demo');
      expect(Number(s.db.prepare('SELECT count(*) FROM assets WHERE holder_clinic_id IS NOT NULL').pluck().get())).toBe(Number(held));
    } finally {
      s.close();
    }
  });
});
