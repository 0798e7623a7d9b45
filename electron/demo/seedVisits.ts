/**
 * The demo's monthly visits (P2, P6, P8), after S1's template and letters: every open clinic
 * visited each month of this year up to the current one, scored against the template in force
 * — mostly 85–97, so the quarters pass — with these to show on the pages:
 * - the second clinic fails the first two quarters (P5: its doctors appear on 预警提醒 and home);
 * - the last clinic is not yet supervised this month, the one before it has a 草稿;
 * - a veto month (一票否决) in the third clinic's first quarter, so its quarter fails once;
 * - findings with owner and due date on the weaker visits, re-checked (已整改) at the next visit,
 *   the latest ones left open.
 * Written with plain inserts (one prepared statement each) to keep the demo fast. Idempotent.
 */
import { todayIso } from '../../shared/format';
import { monthScore } from '../../shared/rules/scoring';
import { addDays } from '../../shared/rules/dates';
import type { ServiceContext } from '../db/context';
import { templateForMonth, templateItems } from '../domains/supervision/visits/templateForMonth';

/** A small deterministic generator so the demo is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedDemoVisits(ctx: ServiceContext): void {
  const { db } = ctx;
  if (Number(db.prepare('SELECT count(*) FROM visits').pluck().get()) > 0) return;
  const today = todayIso(ctx.now());
  const year = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const clinics = db.prepare("SELECT id, head_name AS head FROM clinics WHERE status = 'open' ORDER BY code, id").all() as {
    id: number;
    head: string;
  }[];
  if (clinics.length === 0) return;
  const now = ctx.now().toISOString();
  const insVisit = db.prepare(
    `INSERT INTO visits (clinic_id, month, visited_on, template_id, supervisors, clinic_signer, total_tenths, veto_triggered, status, note,
       created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, '演示数据', ?)`,
  );
  const insScore = db.prepare('INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed, note) VALUES (?, ?, ?, ?, ?)');
  const insFinding = db.prepare(
    'INSERT INTO findings (visit_id, item_id, text, owner, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const recheck = db.prepare(
    "UPDATE findings SET status = 'rectified', rectified_on = ?, recheck_visit_id = ?, recheck_result = '已整改', updated_at = ? WHERE id = ?",
  );
  const openFindings = new Map<number, number[]>();
  for (let m = 1; m <= Number(thisMonth.slice(5, 7)); m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    let template;
    try {
      template = templateForMonth(db, month);
    } catch {
      continue; // no template in force that month: nothing to score against
    }
    const items = templateItems(db, template.id);
    clinics.forEach((c, ci) => {
      const current = month === thisMonth;
      if (current && ci === clinics.length - 1) return; // 未督导 this month
      const draft = current && ci === clinics.length - 2;
      const failing = ci === 1 && m <= 6; // P5: two failed quarters
      const veto = ci === 2 && m === 2;
      const next = rng(c.id * 100 + m);
      // This month's visits are dated up to today (the 1st at the earliest), earlier months from the 8th on.
      const day = current ? Math.max(1, Math.min(8 + (ci % 15), Number(today.slice(8, 10)))) : 8 + (ci % 15);
      const visitedOn = `${month}-${String(day).padStart(2, '0')}`;
      const scores = items.map((it) => {
        if (it.isVeto) return { it, tenths: null, vetoed: veto && it === items.find((x) => x.isVeto) };
        if (it.isBonus) return { it, tenths: next() < 0.2 ? Math.min(it.maxTenths, 10) : null, vetoed: false };
        const share = failing ? 0.35 + next() * 0.3 : next() < 0.7 ? 1 : 0.7 + next() * 0.3;
        return { it, tenths: Math.round((it.maxTenths * share) / 5) * 5, vetoed: false };
      });
      const ms = monthScore({
        items: scores.filter((s) => !s.it.isVeto).map((s) => ({ maxTenths: s.it.maxTenths, scoreTenths: s.tenths, bonus: s.it.isBonus })),
        bonusCapTenths: template.bonusCapTenths,
        vetoTriggered: scores.some((s) => s.vetoed),
      });
      const visitId = Number(
        insVisit.run(
          c.id,
          month,
          visitedOn,
          template.id,
          '王建华、刘晓梅',
          c.head,
          ms.totalTenths,
          ms.vetoed ? 1 : 0,
          draft ? 'draft' : 'final',
          now,
          now,
        ).lastInsertRowid,
      );
      for (const s of scores) {
        const lost = s.tenths !== null && s.tenths < s.it.maxTenths && !s.it.isBonus;
        insScore.run(visitId, s.it.id, s.tenths, s.vetoed ? 1 : 0, lost ? '已当场指出' : '');
      }
      // Last month's findings are re-checked at this visit (P8).
      for (const f of openFindings.get(c.id) ?? []) recheck.run(visitedOn, visitId, now, f);
      openFindings.set(c.id, []);
      const weakest = scores
        .filter((s) => s.tenths !== null && !s.it.isBonus)
        .sort((a, b) => (a.tenths ?? 0) / a.it.maxTenths - (b.tenths ?? 0) / b.it.maxTenths)[0];
      if (weakest && weakest.tenths !== null && weakest.tenths < weakest.it.maxTenths) {
        const text = `${weakest.it.content.slice(0, 24)}：未达标准`;
        const id = Number(
          insFinding.run(visitId, weakest.it.id, text, c.head || '村卫生室负责人', addDays(visitedOn, 20), now, now).lastInsertRowid,
        );
        openFindings.set(c.id, [id]);
      }
    });
  }
}
