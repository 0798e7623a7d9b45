import { describe, expect, it } from 'vitest';
import { chineseDate, chineseDateTime, fenToYuan, percent, todayIso } from '../../shared/format';

describe('chineseDate', () => {
  it('writes an ISO date the Chinese way without leading zeros', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
    expect(chineseDate('2026-10-01T08:00:00Z')).toBe('2026年10月1日');
  });

  it('gives empty text for nothing and returns other text as it came', () => {
    expect(chineseDate(null)).toBe('');
    expect(chineseDate(undefined)).toBe('');
    expect(chineseDate('')).toBe('');
    expect(chineseDate('明天')).toBe('明天');
  });
});

describe('chineseDateTime', () => {
  it('shows a UTC instant in China Standard Time', () => {
    expect(chineseDateTime('2026-03-05T08:09:10.000Z')).toBe('2026年3月5日 16:09');
    expect(chineseDateTime('2026-03-05T16:30:00.000Z')).toBe('2026年3月6日 00:30');
  });

  it('returns unreadable text unchanged', () => {
    expect(chineseDateTime('not a date')).toBe('not a date');
  });
});

describe('fenToYuan', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-5, '-¥0.05'],
    [-123456, '-¥1,234.56'],
  ])('%i 分 → %s', (fen, text) => {
    expect(fenToYuan(fen)).toBe(text);
  });

  it('drops fractions of a 分 rather than rounding money up', () => {
    expect(fenToYuan(199.9)).toBe('¥1.99');
  });
});

describe('todayIso', () => {
  it('is the China date, which turns at 16:00 UTC', () => {
    expect(todayIso(new Date('2026-03-04T15:59:59.999Z'))).toBe('2026-03-04');
    expect(todayIso(new Date('2026-03-04T16:00:00.000Z'))).toBe('2026-03-05');
  });

  it('around UTC midnight it is already morning in China', () => {
    expect(todayIso(new Date('2026-03-04T23:59:59.000Z'))).toBe('2026-03-05');
    expect(todayIso(new Date('2026-03-05T00:00:00.000Z'))).toBe('2026-03-05');
    expect(todayIso(new Date('2026-03-05T00:30:00.000Z'))).toBe('2026-03-05');
  });

  it('crosses the year in China eight hours before UTC does', () => {
    expect(todayIso(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(todayIso(new Date('2025-12-31T15:59:00.000Z'))).toBe('2025-12-31');
  });
});

describe('percent', () => {
  it('formats a ratio with one decimal by default', () => {
    expect(percent(0.45)).toBe('45.0%');
    expect(percent(1 / 3, 2)).toBe('33.33%');
  });
});
