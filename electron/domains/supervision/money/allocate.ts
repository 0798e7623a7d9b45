/**
 * P7, M2, M3: a quarter's performance pool shared by score. The pool is typed in 元 and kept in
 * 分; its name and purpose are checked against M3 first (never the essential-drug subsidy); the
 * weight base is the setting `allocationBasis`. Preview computes; `saveAllocation` records the
 * pool and its lines (all or nothing, audited) so the printed table can be produced again.
 */
import { allocatePool, allocationBasisLabels, essentialSubsidyProblem, type AllocationBasis } from '../../../../shared/rules/allocation';
import { parseQuarter, quarterLabel } from '../../../../shared/rules/quarter';
import { allocationInput, type AllocationRequest, type AllocationResultOut } from '../../../../shared/schemas/visits';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { readSettings } from '../../settings/service';
import { assessmentRuleOf, quarterRows } from '../quarters/results';

/** '50000.5' → 5000050 分, exactly (no float). */
export function yuanToFen(yuan: string): number {
  const [whole = '0', frac = ''] = yuan.trim().split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

export function computeAllocation(db: Db, raw: AllocationRequest): AllocationResultOut {
  const v = allocationInput.parse(raw);
  const m3 = essentialSubsidyProblem(v.fundName, v.purpose);
  if (m3) throw new AppError('VALIDATION', m3, { field: 'fundName' });
  const q = parseQuarter(v.quarter);
  if (!q) throw new AppError('VALIDATION', '季度格式应为 年Q季，如 2026Q3', { field: 'quarter' });
  const poolFen = yuanToFen(v.poolYuan);
  if (poolFen <= 0) throw new AppError('VALIDATION', '资金总额必须大于 0 元', { field: 'poolYuan' });
  const settings = readSettings(db);
  const basis: AllocationBasis = settings.allocationBasis;
  const rows = quarterRows(db, q, assessmentRuleOf(settings));
  const result = allocatePool(
    poolFen,
    rows.map((r) => ({
      clinicId: r.clinicId,
      passed: r.passed,
      scoreTenths: r.scoreTenths,
      base: basis === 'doctors' ? r.doctors : r.servicePopulation,
    })),
    basis,
  );
  return {
    id: null,
    quarter: v.quarter,
    fundName: v.fundName,
    purpose: v.purpose,
    poolFen,
    basis,
    basisLabel: allocationBasisLabels[basis],
    allocatedFen: result.allocatedFen,
    problem: result.problem,
    lines: rows.map((r, i) => ({
      clinicId: r.clinicId,
      clinicName: r.clinicName,
      scoreTenths: r.scoreTenths,
      grade: r.grade,
      passed: r.passed,
      base: basis === 'equal' ? 1 : basis === 'doctors' ? r.doctors : r.servicePopulation,
      weight: String(result.shares[i]?.weight ?? 0n),
      amountFen: result.shares[i]?.amountFen ?? 0,
    })),
  };
}

export function saveAllocation(ctx: ServiceContext, raw: AllocationRequest): AllocationResultOut {
  return ctx.db
    .transaction(() => {
      const a = computeAllocation(ctx.db, raw);
      if (a.problem) throw new AppError('VALIDATION', a.problem, { field: 'quarter' });
      const now = ctx.now().toISOString();
      const id = Number(
        stmt(
          ctx.db,
          'INSERT INTO allocations (quarter, fund_name, pool_fen, basis, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(a.quarter, a.fundName, a.poolFen, a.basis, a.purpose, now, ctx.actor).lastInsertRowid,
      );
      const line = stmt(
        ctx.db,
        'INSERT INTO allocation_lines (allocation_id, clinic_id, score_tenths, passed, weight, amount_fen) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const l of a.lines) line.run(id, l.clinicId, l.scoreTenths, l.passed === true ? 1 : 0, BigInt(l.weight), l.amountFen);
      const q = parseQuarter(a.quarter);
      audit(ctx, {
        action: 'create',
        entity: 'allocations',
        entityId: id,
        summary: `${q ? quarterLabel(q) : a.quarter}绩效资金分配“${a.fundName}”：${(a.poolFen / 100).toFixed(2)} 元，按${a.basisLabel}`,
        after: { poolFen: a.poolFen, basis: a.basis, lines: a.lines.map((l) => [l.clinicId, l.amountFen]) },
      });
      return { ...a, id };
    })
    .immediate();
}
