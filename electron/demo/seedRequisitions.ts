/**
 * The demo township's monthly requisitions (issue 10 part 2): every open clinic has an approved
 * requisition for each of the six months before the current one (so delivery and use can
 * follow), mostly essential drugs with one cheap drug outside the list; in the current month
 * most are approved, 张庄村卫生室's asks for many drugs outside the list and waits for an
 * approval (D3), 李营村卫生室's is still a draft and one clinic has not submitted. Each is
 * written by the same writer as the form, dated on the 25th of the month before.
 */
import { addMonths } from '../../shared/rules/requisitionMonths';
import { todayIso } from '../../shared/format';
import type { ServiceContext } from '../db/context';
import { drugsOnFirst } from '../domains/drugs/requisitions/figures';
import { approveRequisition, writeRequisition, type LineWrite } from '../domains/drugs/requisitions/write';

const HISTORY_MONTHS = 6;
const ESSENTIAL_PER_REQUISITION = 10;

/** Returns how many requisitions were written; nothing where any exists already. */
export function seedDemoRequisitions(ctx: ServiceContext): number {
  const db = ctx.db;
  if (Number(db.prepare('SELECT count(*) FROM requisitions').pluck().get()) > 0) return 0;
  const clinics = db.prepare("SELECT id, name FROM clinics WHERE status = 'open' ORDER BY code, id").all() as {
    id: number;
    name: string;
  }[];
  const drugIds = db.prepare('SELECT id FROM drugs WHERE active = 1 ORDER BY id').pluck().all() as number[];
  if (clinics.length === 0 || drugIds.length === 0) return 0;
  const current = todayIso(ctx.now()).slice(0, 7);
  let written = 0;
  for (let back = HISTORY_MONTHS; back >= 0; back--) {
    const month = addMonths(current, -back);
    const at = new Date(`${addMonths(month, -1)}-25T02:00:00Z`);
    const monthCtx: ServiceContext = { ...ctx, now: () => at };
    const flags = drugsOnFirst(monthCtx, month, drugIds);
    const inside = drugIds.filter((id) => flags.get(id)?.essential);
    // The cheapest drugs outside the list, so one of them stays within the share by value.
    const outside = drugIds
      .filter((id) => !flags.get(id)?.essential)
      .sort((a, b) => (flags.get(a)?.priceFen ?? 0) - (flags.get(b)?.priceFen ?? 0));
    clinics.forEach((c, k) => {
      const isNow = back === 0;
      if (isNow && k === clinics.length - 1) return; // 未提交
      const lines: LineWrite[] = [];
      for (let i = 0; i < ESSENTIAL_PER_REQUISITION && i < inside.length; i++) {
        const drugId = inside[(k * 3 + back * 5 + i) % inside.length] as number;
        if (!lines.some((l) => l.drugId === drugId)) lines.push({ drugId, packs: 10 + ((k + i + back) % 5) * 5 });
      }
      const overShare = isNow && k === 0;
      const extra = overShare ? outside.slice(-4) : outside.slice((k + back) % 3, ((k + back) % 3) + 1);
      for (const drugId of extra) if (!lines.some((l) => l.drugId === drugId)) lines.push({ drugId, packs: overShare ? 6 : 1 });
      const outcome = writeRequisition(monthCtx, c.id, month, lines, { submit: !(isNow && k === 1), source: '演示数据：' });
      // History must be approved for delivery to follow; an odd month over the share was approved by the reviewer.
      if (outcome === 'held' && !overShare)
        approveRequisition(monthCtx, { clinicId: c.id, month, reason: '演示：村医说明为慢病患者长期用药，同意' });
      written++;
    });
  }
  return written;
}
