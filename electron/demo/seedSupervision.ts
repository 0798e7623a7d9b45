/**
 * The demo's supervision data, shared by the two halves of issue 11: this file's
 * `seedDemoTemplatesAndLetters` (the default 考核细则 as version 1, and this year's
 * responsibility letters — signed in January for every open clinic but the last, which is
 * left unsigned so the 目标责任书 page shows both states, P1); the visits, quarters and money
 * seed their own function beside it. Idempotent: nothing is added where letters already exist.
 */
import { todayIso } from '../../shared/format';
import type { ServiceContext } from '../db/context';
import { ensureDefaultTemplate } from '../domains/supervision/template/defaultTemplate';
import { defaultTargets } from '../domains/supervision/letters/targets';
import { readSettings } from '../domains/settings/service';

export function seedDemoTemplatesAndLetters(ctx: ServiceContext): void {
  ensureDefaultTemplate(ctx);
  const year = Number(todayIso(ctx.now()).slice(0, 4));
  if (Number(ctx.db.prepare('SELECT count(*) FROM responsibility_letters WHERE year = ?').pluck().get(year)) > 0) return;
  const clinics = ctx.db.prepare("SELECT id, head_name FROM clinics WHERE status = 'open' ORDER BY code, id").all() as {
    id: number;
    head_name: string;
  }[];
  const director = readSettings(ctx.db).directorName || '院长';
  const now = ctx.now().toISOString();
  const targets = defaultTargets(ctx.db);
  const letter = ctx.db.prepare(
    `INSERT INTO responsibility_letters (clinic_id, year, signed_on, center_signer, clinic_signer, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const target = ctx.db.prepare(
    'INSERT INTO responsibility_targets (letter_id, position, target, quantity, unit, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  clinics.forEach((c, i) => {
    const signed = i < clinics.length - 1;
    const day = `${year}-01-${String(10 + (i % 15)).padStart(2, '0')}`;
    const id = Number(
      letter.run(c.id, year, signed ? day : null, signed ? director : '', signed ? c.head_name || '村医代表' : '', now, now)
        .lastInsertRowid,
    );
    targets.forEach((t, n) => target.run(id, n + 1, t.target, t.quantity, t.unit, t.note));
  });
}
