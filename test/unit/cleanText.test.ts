/**
 * shared/text.ts cleanText and the zod text helpers (issue 9 point 5): what is stripped, what
 * becomes a space, where line breaks survive, NFC, and the refusal of lone surrogates naming the
 * field.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, hasLoneSurrogate } from '../../shared/text';
import { noteText, requiredText, text } from '../../shared/schemas/common';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

describe('cleanText', () => {
  it.each(ZERO_WIDTH.map((c) => [c.codePointAt(0)?.toString(16).toUpperCase() ?? '', c]))('strips U+%s anywhere', (_, c) => {
    expect(cleanText(`${c}测试${c}村${c}`)).toBe('测试村');
  });

  it('strips the other format characters: direction marks and embeddings, soft hyphen', () => {
    expect(cleanText('\u202e张庄\u200e村\u00ad\u2066')).toBe('张庄村');
  });

  it('strips C0 and C1 controls; a tab or line break on one line is a space', () => {
    expect(cleanText('张\u0000庄\u0085村\u0007\u001b\u007f\u009f')).toBe('张庄 村');
    expect(cleanText('张庄\t村')).toBe('张庄 村');
    expect(cleanText('张庄村\r\n卫生室')).toBe('张庄村 卫生室');
    expect(cleanText('张庄村\u2028卫生室')).toBe('张庄村 卫生室');
  });

  it('keeps line breaks in a multi-line field, every kind written as \\n', () => {
    expect(cleanText('第一行\r\n第二行\r第三行\u2029第四行\n', { multiline: true })).toBe('第一行\n第二行\n第三行\n第四行');
    expect(cleanText('一\u0000\n二\t三', { multiline: true })).toBe('一\n二 三');
  });

  it('makes every space the ASCII one and trims', () => {
    expect(cleanText('\u3000张\u00a0庄\u2003村 \u202f')).toBe('张 庄 村');
  });

  it('is NFC: a decomposed letter and its precomposed twin are one text', () => {
    const nfd = 'Ye\u0301'; // e + combining acute
    expect(cleanText(nfd)).toBe('Y\u00e9');
    expect(cleanText(nfd)).toBe(cleanText('Y\u00e9'));
    // A zero-width space between a letter and its accent no longer keeps them apart.
    expect(cleanText('e\u200b\u0301')).toBe('\u00e9');
  });

  it('keeps CJK, emoji pairs, ideographic variation selectors and lone surrogates (refused elsewhere)', () => {
    expect(cleanText('𠀀葛\u{e0100}')).toBe('𠀀葛\u{e0100}');
    expect(cleanText('a\ud800b')).toBe('a\ud800b');
  });

  it('is idempotent', () => {
    for (const s of ['\u200b 张\t庄 \r\n村 \u3000', 'e\u0301\u200d', '一\r\n\r\n二']) {
      expect(cleanText(cleanText(s))).toBe(cleanText(s));
      expect(cleanText(cleanText(s, { multiline: true }), { multiline: true })).toBe(cleanText(s, { multiline: true }));
    }
  });

  it('returns already-clean text as it is, exactly as the full cleaning would (every character of the quick check)', () => {
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0x3001, 0x3011],
      [0x4e00, 0x9fff],
      [0xff01, 0xff5e],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        // A trailing ideographic space sends the text through every step; the quick check skips them all.
        const slow = cleanText(`甲${c}乙\u3000`);
        expect(cleanText(`甲${c}乙`), `U+${cp.toString(16)}`).toBe(slow);
        expect(slow, `U+${cp.toString(16)}`).toBe(`甲${c}乙`);
      }
    }
    // Spaces at either end are never taken as clean.
    expect(cleanText(' 张庄村')).toBe('张庄村');
    expect(cleanText('张庄村 ')).toBe('张庄村');
    expect(cleanText('张  庄村')).toBe('张  庄村');
  });

  it('finds lone surrogates, high or low, and not pairs', () => {
    expect(hasLoneSurrogate('测试\ud800')).toBe(true);
    expect(hasLoneSurrogate('\udc00测试')).toBe(true);
    expect(hasLoneSurrogate('\udc00\ud800')).toBe(true);
    expect(hasLoneSurrogate('𠀀😀')).toBe(false);
  });
});

describe('text helpers', () => {
  it('clean before checking: 30 characters plus zero-width ones fit 30, blanks are missing', () => {
    const name = requiredText('村名', 3);
    expect(name.parse(' 张\u200b庄村\ufeff ')).toBe('张庄村');
    expect(name.safeParse('\u200b\u3000').error?.issues[0]?.message).toBe('请填写村名');
    expect(
      text('编码', 10)
        .regex(/^[0-9A-Z]*$/)
        .parse('\ufeffAB12\u200b'),
    ).toBe('AB12');
  });

  it('refuses a lone surrogate naming the field, and only that', () => {
    const r = requiredText('村名', 30).safeParse('测试\ud800村');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['“村名”含有无法识别的字符（不成对的代理项），请重新输入']);
  });

  it('a note keeps its line breaks, a name does not', () => {
    expect(noteText('备注', 200).parse('一\r\n二')).toBe('一\n二');
    expect(text('地址', 200).parse('一\r\n二')).toBe('一 二');
  });
});
