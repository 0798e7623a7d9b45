import { describe, expect, it } from 'vitest';
import { allocatePool, essentialSubsidyProblem, type AllocationInput } from '../../shared/rules/allocation';

const clinic = (
  clinicId: number,
  scoreTenths: number | null,
  base: number,
  passed = scoreTenths !== null && scoreTenths >= 600,
): AllocationInput => ({
  clinicId,
  scoreTenths,
  base,
  passed: scoreTenths === null ? null : passed,
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('P7 allocation by score', () => {
  it('shares in proportion to score × population; failed clinics get nothing', () => {
    const r = allocatePool(100_000, [clinic(1, 800, 1000), clinic(2, 800, 3000), clinic(3, 590, 5000)], 'population');
    expect(r.problem).toBeNull();
    expect(r.shares.map((s) => s.amountFen)).toEqual([25_000, 75_000, 0]);
  });

  it('largest remainder: 1 分 over three equal clinics goes to the smallest id (deterministic tie)', () => {
    const r = allocatePool(100, [clinic(3, 700, 10), clinic(1, 700, 10), clinic(2, 700, 10)], 'population');
    expect(r.shares.map((s) => [s.clinicId, s.amountFen])).toEqual([
      [3, 33],
      [1, 34],
      [2, 33],
    ]);
  });

  it('on equal remainders the larger weight is served first', () => {
    // weights 600 and 1800 of 2400 for 2 分: exact shares 0.5 and 1.5 — equal remainders, one 分 left.
    const r = allocatePool(2, [clinic(1, 600, 1), clinic(2, 600, 3)], 'population');
    expect(r.shares.map((s) => s.amountFen)).toEqual([0, 2]);
  });

  it('equal basis ignores population; doctors basis uses doctors', () => {
    const eq = allocatePool(1000, [clinic(1, 900, 5000), clinic(2, 600, 100)], 'equal');
    expect(eq.shares.map((s) => s.amountFen)).toEqual([600, 400]);
    const docs = allocatePool(1000, [clinic(1, 600, 3), clinic(2, 600, 1)], 'doctors');
    expect(docs.shares.map((s) => s.amountFen)).toEqual([750, 250]);
  });

  it('nobody passed: nothing is shared, with the reason', () => {
    const r = allocatePool(5000, [clinic(1, 500, 1000), clinic(2, null, 1000)], 'population');
    expect(r.allocatedFen).toBe(0);
    expect(r.problem).toContain('没有考核合格');
    expect(r.shares.every((s) => s.amountFen === 0)).toBe(true);
  });

  it('exact beyond 2^53: a pool of 1 亿元 over large populations', () => {
    const r = allocatePool(10_000_000_000, [clinic(1, 999, 900_001), clinic(2, 1000, 900_000), clinic(3, 777, 123_457)], 'population');
    expect(r.shares.reduce((a, s) => a + s.amountFen, 0)).toBe(10_000_000_000);
  });

  it('property: for random scores and populations the amounts sum to the pool and a larger weight never gets less', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = rng(seed);
      const n = 1 + Math.floor(next() * 40);
      const clinics = Array.from({ length: n }, (_, i) =>
        clinic(i + 1, next() < 0.1 ? null : Math.floor(next() * 1151), Math.floor(next() * 6000)),
      );
      const pool = Math.floor(next() * 100_000_000);
      const basis = (['population', 'doctors', 'equal'] as const)[seed % 3] ?? 'population';
      const r = allocatePool(pool, clinics, basis);
      const sum = r.shares.reduce((a, s) => a + s.amountFen, 0);
      if (r.problem === null) expect(sum, `seed ${seed}`).toBe(pool);
      else expect(sum, `seed ${seed}`).toBe(0);
      for (const s of r.shares) {
        expect(s.amountFen, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        if (s.weight === 0n) expect(s.amountFen, `seed ${seed}: a failed clinic got money`).toBe(0);
      }
      for (const a of r.shares)
        for (const b of r.shares) if (a.weight > b.weight) expect(a.amountFen, `seed ${seed}`).toBeGreaterThanOrEqual(b.amountFen);
    }
  });
});

describe('M3 never the essential-drug subsidy', () => {
  it.each(['2026年第三季度基本药物补助', '基药补助', '基本药物制度补助资金', '基 药 补 贴'])('refuses a pool named %s', (name) => {
    expect(essentialSubsidyProblem(name)).toContain('M3');
  });
  it('accepts a public-health or performance pool, and checks the purpose too', () => {
    expect(essentialSubsidyProblem('2026年第三季度绩效考核资金', '公共卫生服务补助')).toBeNull();
    expect(essentialSubsidyProblem('第三季度资金', '用于发放基本药物补助')).toContain('基本药物');
  });
});
