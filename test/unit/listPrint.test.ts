/**
 * Issue 12 item 4, the decisions behind a printed list: which way the A4 sheet lies and the font
 * for the clerk's visible columns, the 筛选 line naming the query in Chinese, and reading every
 * row in pages of 1,000 with a cap (请先筛选或导出 Excel) — against the real list views.
 */
import { describe, expect, it } from 'vitest';
import { personView } from '../../shared/peopleViews';
import { receiptView } from '../../shared/deliveryViews';
import type { ListQuery, Page } from '../../shared/schemas/common';
import { auditView, clinicView } from '../../shared/views';
import { fetchAllRows, PRINT_MAX_ROWS } from '../../renderer/components/print/fetchAllRows';
import {
  BASE_PT,
  describeListQuery,
  FONT_STEPS_PT,
  LANDSCAPE_MM,
  neededMm,
  planListPaper,
  PORTRAIT_MM,
} from '../../renderer/components/print/listPrintPlan';

const pick = (ids: string[]) => clinicView.columns.filter((c) => ids.includes(c.id));

describe('planListPaper', () => {
  it('keeps a narrow list portrait at the base size', () => {
    const plan = planListPaper(pick(['code', 'name', 'servicePopulation', 'headName']));
    expect(plan).toMatchObject({ landscape: false, fontPt: BASE_PT });
  });

  it('turns a list too wide for portrait to landscape, at the largest font that fits', () => {
    const plan = planListPaper(clinicView.columns);
    expect(neededMm(clinicView.columns, BASE_PT)).toBeGreaterThan(PORTRAIT_MM);
    expect(plan.landscape).toBe(true);
    expect(neededMm(clinicView.columns, plan.fontPt)).toBeLessThanOrEqual(LANDSCAPE_MM);
    const larger = FONT_STEPS_PT.filter((pt) => pt > plan.fontPt);
    for (const pt of larger) expect(neededMm(clinicView.columns, pt)).toBeGreaterThan(LANDSCAPE_MM);
  });

  it('steps the font down to its smallest for the widest list, whose text then wraps', () => {
    const plan = planListPaper(receiptView.columns);
    expect(plan.landscape).toBe(true);
    expect(plan.fontPt).toBe(FONT_STEPS_PT[FONT_STEPS_PT.length - 1]);
  });

  it('shares the whole page width among the columns, wider columns getting more', () => {
    const plan = planListPaper(auditView.columns);
    expect(plan.colPercents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    const summary = auditView.columns.findIndex((c) => c.id === 'summary');
    const actor = auditView.columns.findIndex((c) => c.id === 'actor');
    expect(plan.colPercents[summary]).toBeGreaterThan(plan.colPercents[actor] ?? 100);
  });

  it('gives a date column room for 2026年12月31日', () => {
    const plan = planListPaper([
      { width: 9, kind: 'date' },
      { width: 9, kind: 'text' },
    ]);
    expect(plan.colPercents[0]).toBeGreaterThan(plan.colPercents[1] ?? 100);
  });

  it('hiding columns can bring a list back to portrait', () => {
    const shown = personView.columns.slice(0, 4);
    expect(planListPaper(personView.columns).landscape).toBe(true);
    expect(planListPaper(shown).landscape).toBe(false);
  });
});

describe('describeListQuery', () => {
  it('says 全部记录 when nothing narrows the list', () => {
    expect(describeListQuery(clinicView.columns, {})).toBe('无（全部记录）');
  });

  it('names the search, each filter by its header and label, and the sort', () => {
    const text = describeListQuery(clinicView.columns, {
      search: ' 张 ',
      filters: [
        { id: 'status', value: 'open' },
        { id: 'insurancePoint', value: true },
        { id: 'headName', value: '李' },
        { id: 'servicePopulation', value: { min: 800, max: 1200 } },
      ],
      sort: [{ id: 'name', desc: true }],
    });
    expect(text).toBe('搜索“张”；状态：运行；医保定点：是；负责人含“李”；服务人口 800–1,200；排序：卫生室名称 降序');
  });

  it('reads a yes/no filter that came from a link as text', () => {
    expect(describeListQuery(clinicView.columns, { filters: [{ id: 'insurancePoint', value: 'false' }] })).toBe('医保定点：否');
  });
});

/** A list of n numbered rows served the way the list operation serves them. */
function serve(n: number) {
  const asked: ListQuery[] = [];
  const fetchPage = (q: ListQuery): Promise<Page<{ i: number }>> => {
    asked.push(q);
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 100;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, k) => ({ i: offset + k }));
    return Promise.resolve({ rows, total: n });
  };
  return { asked, fetchPage };
}

describe('fetchAllRows', () => {
  it('reads every row in pages of 1,000 with the same search, filters and sort, reporting progress', async () => {
    const { asked, fetchPage } = serve(2345);
    const progress: string[] = [];
    const query = { search: '张', filters: [{ id: 'status', value: 'open' }], sort: [{ id: 'name', desc: false }] };
    const r = await fetchAllRows(fetchPage, query, { onProgress: (read, total) => progress.push(`${read}/${total}`) });
    expect(r.ok && r.rows.map((x) => x.i)).toEqual(Array.from({ length: 2345 }, (_, i) => i));
    expect(asked.map((q) => [q.offset, q.limit])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ]);
    for (const q of asked) expect(q).toMatchObject(query);
    expect(progress).toEqual(['1000/2345', '2000/2345', '2345/2345']);
  });

  it('refuses a list over the cap after one page, saying to filter or export', async () => {
    const { asked, fetchPage } = serve(PRINT_MAX_ROWS + 1);
    const r = await fetchAllRows(fetchPage, {});
    expect(r).toEqual({ ok: false, total: 5001, message: '符合条件的记录有 5,001 条，超过打印上限 5,000 条：请先筛选或导出 Excel。' });
    expect(asked).toHaveLength(1);
  });

  it('prints exactly the cap', async () => {
    const r = await fetchAllRows(serve(PRINT_MAX_ROWS).fetchPage, {});
    expect(r.ok && r.rows).toHaveLength(PRINT_MAX_ROWS);
  });

  it('stops when the print view is closed meanwhile', async () => {
    const { asked, fetchPage } = serve(4000);
    let closed = false;
    await fetchAllRows(fetchPage, {}, { onProgress: () => (closed = true), isCancelled: () => closed });
    expect(asked).toHaveLength(1);
  });
});
