/**
 * Issue 12 item 5: numbers on screen in one style (screenText), and the clerk's 列设置 fitted
 * to the view as it is now (fitPrefs) — a column the app adds later appears in its default
 * place, a column it dropped is forgotten, and never every column hidden.
 */
import { describe, expect, it } from 'vitest';
import { fitPrefs, defaultPrefs, visibleIds } from '../../shared/columnPrefs';
import { clinicView, screenText, displayValue, type ViewColumn, type ViewDef } from '../../shared/views';

const col = (kind: ViewColumn['kind']): ViewColumn => ({ id: 'x', header: 'x', kind, width: 8 });

describe('screenText: one number style on screen', () => {
  it('thousands separated counts, money in 元 with two decimals, measures to two places', () => {
    expect(screenText(col('int'), 22600)).toBe('22,600');
    expect(screenText(col('int'), 0)).toBe('0');
    expect(screenText(col('money'), 123456789)).toBe('1,234,567.89');
    expect(screenText(col('money'), -5)).toBe('-0.05');
    expect(screenText(col('decimal'), 1234.5)).toBe('1,234.5');
    expect(screenText(col('decimal'), 3.14159)).toBe('3.14');
    expect(screenText(col('int'), null)).toBe('');
    expect(screenText(col('text'), '1234')).toBe('1234');
    // The sheet keeps real numbers: Excel formats them itself.
    expect(displayValue(col('int'), 22600)).toBe(22600);
  });
});

describe('screenText: dates in Chinese on screen, ISO in the sheet', () => {
  it('shows a date column as 2026年6月19日 and a datetime in China time; empty stays empty', () => {
    expect(screenText(col('date'), '2026-06-19')).toBe('2026年6月19日');
    expect(screenText(col('date'), '2026-12-01')).toBe('2026年12月1日');
    expect(screenText(col('date'), null)).toBe('');
    expect(screenText(col('date'), undefined)).toBe('');
    expect(screenText(col('date'), '')).toBe('');
    expect(screenText(col('datetime'), '2026-03-05T08:09:10.000Z')).toBe('2026年3月5日 16:09');
    // Never the stored ISO on screen.
    expect(screenText(col('date'), '2026-06-19')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The sheet export keeps the ISO text it turns into a real Excel date.
    expect(displayValue(col('date'), '2026-06-19')).toBe('2026-06-19');
  });
});

describe('column prefs', () => {
  it('freezes up to the name column by default (机构编码, 卫生室名称 in the clinic list)', () => {
    expect(defaultPrefs(clinicView).frozen).toBe(2);
  });

  it('keeps the clerk’s order, adds new columns after the one they follow in the view, drops unknown ones', () => {
    const view: ViewDef = {
      title: 't',
      columns: ['a', 'b', 'c', 'd'].map((id) => ({ id, header: id, kind: 'text', width: 8 })),
    };
    const p = fitPrefs(view, { order: ['c', 'a', 'gone'], hidden: ['a', 'gone'], frozen: 1 });
    // b and d were not in the saved order: each goes right after the column it follows in the view.
    expect(p.order).toEqual(['c', 'd', 'a', 'b']);
    expect(p.hidden).toEqual(['a']);
    expect(visibleIds(p)).toEqual(['c', 'd', 'b']);
  });

  it('never hides every column and keeps the frozen count within 0–3', () => {
    const view: ViewDef = { title: 't', columns: [{ id: 'a', header: 'a', kind: 'text', width: 8 }] };
    const p = fitPrefs(view, { order: ['a'], hidden: ['a'], frozen: 9 });
    expect(visibleIds(p)).toEqual(['a']);
    expect(p.frozen).toBe(3);
    expect(fitPrefs(view, null)).toEqual(defaultPrefs(view));
  });
});
