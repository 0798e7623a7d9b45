import { describe, expect, it } from 'vitest';
import { latinTokens, pinyinMatch, pinyinTokens } from '../../electron/db/pinyin';

// Issue 12: the tokens a typed text is looked up by, as a prefix (migration 13's index).
describe('pinyin tokens of a name', () => {
  it('start at every syllable, full pinyin and initials', () => {
    expect(pinyinTokens('张庄村').split(' ').sort()).toEqual(['c', 'cun', 'zc', 'zhangzhuangcun', 'zhuangcun', 'zzc'].sort());
  });

  it('hold every reading of a polyphonic character, ü as v', () => {
    const tokens = pinyinTokens('重庆路').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['chongqinglu', 'zhongqinglu', 'qinglu', 'cql', 'zql', 'ql']));
    expect(pinyinTokens('绿水村').split(' ')).toEqual(expect.arrayContaining(['lvshuicun', 'shuicun']));
  });

  it('read a letter or digit as itself, so any run of them in the name starts a token', () => {
    const tokens = pinyinTokens('A区B12室').split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['aqub12shi', 'b12shi', '12shi', 'aqb12s', 'b12s']));
    expect(pinyinTokens('')).toBe('');
    expect(pinyinTokens(null)).toBe('');
  });
});

describe('letter tokens of other text', () => {
  it('are the tails of each run of letters and digits that start with a letter, lower-cased', () => {
    expect(latinTokens('HY-07，B超 x2Y')).toBe('hy y b x2y');
    expect(latinTokens('11010119800101001X')).toBe('x');
    expect(latinTokens('13912345678')).toBe('');
    expect(latinTokens('')).toBe('');
  });
});

describe('the FTS5 query of a typed text', () => {
  it('is a quoted prefix on the given columns, so AND, OR, NOT are letters', () => {
    expect(pinyinMatch('zzc', ['name'])).toBe('{name} : "zzc"*');
    expect(pinyinMatch('or', ['name', 'note'])).toBe('{name note} : "or"*');
  });
});
