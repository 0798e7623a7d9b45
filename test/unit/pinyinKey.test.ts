import { describe, expect, it } from 'vitest';
import { pinyinQuery, pinyinSearchKey, pinyinSortKey } from '../../electron/db/pinyin';

// Issue 12 item 9: names found by pinyin initials and full pinyin, sorted by pinyin.
describe('pinyin search key', () => {
  it('holds the full pinyin and the initials of a name', () => {
    const key = pinyinSearchKey('张庄村');
    expect(key.split(' ')).toEqual(expect.arrayContaining(['zhangzhuangcun', 'zzc']));
    expect(key).toContain('zhangzhuang');
    expect(key).toContain('zz');
  });

  it('keeps every reading of a polyphonic character, the one in context first', () => {
    const chongqing = pinyinSearchKey('重庆');
    expect(chongqing.split(' ')[0]).toBe('chongqing');
    expect(chongqing).toContain('zhongqing');
    const changshou = pinyinSearchKey('长寿村');
    expect(changshou.split(' ')).toEqual(expect.arrayContaining(['changshoucun', 'csc', 'zhangshoucun', 'zsc']));
  });

  it('writes ü as v, keeps letters and digits of mixed names, and never joins two readings', () => {
    expect(pinyinSearchKey('绿水村')).toContain('lvshuicun');
    expect(pinyinSearchKey('A区卫生室2')).toContain('aquweishengshi2');
    // Separated by spaces: typed letters cannot match across two readings.
    for (const part of pinyinSearchKey('乐乐乐乐乐乐').split(' ')) expect(part).toMatch(/^[a-z0-9]+$/);
    expect(pinyinSearchKey('乐乐乐乐乐乐').split(' ').length).toBeLessThanOrEqual(32);
    expect(pinyinSearchKey('')).toBe('');
    expect(pinyinSearchKey(null)).toBe('');
  });
});

describe('pinyin sort key', () => {
  it('orders names as a dictionary does, not by code point', () => {
    const names = ['周庄村', '张庄村', '阿里村', '李家村', '梁庄村', '白庙村'];
    const byCodePoint = [...names].sort();
    const byPinyin = [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));
    expect(byPinyin).toEqual(['阿里村', '白庙村', '李家村', '梁庄村', '张庄村', '周庄村']);
    expect(byCodePoint).not.toEqual(byPinyin);
  });

  it('puts li before liang (syllable by syllable) and a name before its longer form', () => {
    expect(pinyinSortKey('李明') < pinyinSortKey('梁')).toBe(true);
    expect(pinyinSortKey('张庄') < pinyinSortKey('张庄村')).toBe(true);
  });
});

describe('what the clerk typed', () => {
  it('is a pinyin query only when it is letters (spaces and apostrophes dropped)', () => {
    expect(pinyinQuery('ZQ')).toBe('zq');
    expect(pinyinQuery('zhang zhuang')).toBe('zhangzhuang');
    expect(pinyinQuery("xi'an")).toBe('xian');
    expect(pinyinQuery('lü')).toBe('lv');
    expect(pinyinQuery('张庄')).toBeNull();
    expect(pinyinQuery('0101')).toBeNull();
    expect(pinyinQuery('%_')).toBeNull();
  });
});
