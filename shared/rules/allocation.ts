/**
 * P7 money by score (M2): a quarter's pool is shared among the clinics that passed, in
 * proportion to (quarter score as rounded, in tenths) × (weight base: service population,
 * doctors, or 1 for an equal share). Failed and unassessed clinics get nothing from the pool.
 *
 * Amounts are whole 分 and sum exactly to the pool by the largest-remainder method: each clinic
 * first gets ⌊pool × w / W⌋, then the 分 left over go one each to the clinics with the largest
 * remainders. Ties (equal remainders) go first to the larger weight, then to the smaller clinic
 * id — deterministic, and a clinic with a larger weight never gets less than one with a smaller
 * (its exact share is larger, so its floor is at least as large, and on an equal floor its
 * remainder is larger). Arithmetic is in BigInt: pool × score × population can exceed 2^53.
 *
 * Never the essential-drug subsidy (M3): see `essentialSubsidyProblem`.
 */

export type AllocationBasis = 'population' | 'doctors' | 'equal';

export const allocationBasisLabels: Record<AllocationBasis, string> = {
  population: '服务人口',
  doctors: '村医人数',
  equal: '平均（不计人口）',
};

export interface AllocationInput {
  clinicId: number;
  /** P6: the quarter's score passed (null = not assessed: gets nothing, like a failed one). */
  passed: boolean | null;
  /** The rounded quarter score in tenths (null when not assessed). */
  scoreTenths: number | null;
  /** Service population or doctors as the basis says (ignored for 'equal'); a non-negative integer. */
  base: number;
}

export interface AllocationShare {
  clinicId: number;
  /** scoreTenths × base (or × 1), 0 for clinics that did not pass. */
  weight: bigint;
  amountFen: number;
}

export interface AllocationResult {
  shares: AllocationShare[];
  /** Sum of the amounts: the pool when anyone could share, 0 otherwise. */
  allocatedFen: number;
  /** Why nothing could be shared (no passing clinic, or every passing weight is 0); null when shared. */
  problem: string | null;
}

export function allocationWeight(input: AllocationInput, basis: AllocationBasis): bigint {
  if (input.passed !== true || input.scoreTenths === null) return 0n;
  const base = basis === 'equal' ? 1 : input.base;
  if (!Number.isInteger(base) || base < 0) throw new Error(`allocation: base must be a non-negative integer (clinic ${input.clinicId})`);
  return BigInt(input.scoreTenths) * BigInt(base);
}

export function allocatePool(poolFen: number, clinics: readonly AllocationInput[], basis: AllocationBasis): AllocationResult {
  if (!Number.isSafeInteger(poolFen) || poolFen < 0) throw new Error('allocation: the pool must be a whole number of 分');
  const weighted = clinics.map((c) => ({ clinicId: c.clinicId, weight: allocationWeight(c, basis) }));
  const total = weighted.reduce((acc, w) => acc + w.weight, 0n);
  if (total === 0n) {
    const anyPassed = clinics.some((c) => c.passed === true);
    const problem = anyPassed
      ? `本季度考核合格的村卫生室${allocationBasisLabels[basis]}合计为 0，无法按${allocationBasisLabels[basis]}分配`
      : '本季度没有考核合格的村卫生室，资金池无法分配';
    return { shares: weighted.map((w) => ({ ...w, amountFen: 0 })), allocatedFen: 0, problem };
  }
  const pool = BigInt(poolFen);
  const parts = weighted.map((w, index) => ({
    ...w,
    index,
    floor: (pool * w.weight) / total,
    remainder: (pool * w.weight) % total,
  }));
  let left = pool - parts.reduce((acc, p) => acc + p.floor, 0n);
  const order = [...parts].sort((a, b) => {
    if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
    if (a.weight !== b.weight) return a.weight > b.weight ? -1 : 1;
    return a.clinicId - b.clinicId;
  });
  const extra = new Set<number>();
  for (const p of order) {
    if (left === 0n) break;
    if (p.weight === 0n) continue;
    extra.add(p.index);
    left -= 1n;
  }
  const shares = parts.map((p) => ({ clinicId: p.clinicId, weight: p.weight, amountFen: Number(p.floor) + (extra.has(p.index) ? 1 : 0) }));
  return { shares, allocatedFen: poolFen, problem: null };
}

/**
 * M3: money by score must never be the village clinics' essential-drug subsidy (a 2021 national
 * notice forbids withholding or cutting it in the name of performance assessment). A pool whose
 * name or purpose names that subsidy is refused, with the reason, in Chinese.
 */
export function essentialSubsidyProblem(...texts: readonly (string | null | undefined)[]): string | null {
  const joined = texts
    .filter((t): t is string => typeof t === 'string')
    .join(' ')
    .replace(/\s+/g, '');
  if (/基本药物(制度)?(补助|补贴)|基药(补助|补贴)/.test(joined)) {
    return '不能把基本药物制度补助作为绩效考核资金池分配（M3）：国家规定不得以绩效考核名义截留、挪用或扣减村卫生室的基本药物补助，该补助应先预拨、考核后结算。请改用公共卫生服务或绩效考核专项资金，并修改资金名称或用途。';
  }
  return null;
}
