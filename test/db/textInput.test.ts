/**
 * Issue 9 point 5 through the dispatcher, as both shells call it: every text input is NFC,
 * without zero-width, format and control characters, trimmed, and refused with the field named
 * when it holds a lone surrogate; the duplicate checks (village name, clinic code, 身份证号)
 * therefore see 测试村 and 测试村+U+200B as one name. Notes keep their line breaks.
 */
import { describe, expect, it } from 'vitest';
import { call, callFails, clinic, expectChinese, village } from '../helpers/calls';
import { dumpDb, openSession } from '../helpers/tempDb';
import { addPerson, idNumberFor, openSessionAt, personIn } from '../helpers/people';
import { assetIn } from '../helpers/assets';

const LONE = '含有无法识别的字符（不成对的代理项），请重新输入';

describe('village names', () => {
  it('测试村 and 测试村 + U+200B are one village: the second is refused as a duplicate', async () => {
    const s = await openSession();
    await call(s, 'villages.create', village({ name: '测试村' }));
    for (const name of ['测试村\u200b', '\ufeff测试村', '测\u2060试\u200d村', ' 测试村\u3000', '测试村\u0007']) {
      const err = await callFails(s, 'villages.create', village({ name }));
      expect(err).toMatchObject({ code: 'CONFLICT', field: 'name', message: '已有名为“测试村”的行政村，村名不能重复' });
    }
    expect((await call(s, 'villages.list', {})).total).toBe(1);
  });

  it('stores the cleaned name, and a zero-width space in the search still finds it', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village({ name: '\u200b张庄\u200c村\u00ad' }));
    expect(v.name).toBe('张庄村');
    expect(s.db.prepare('SELECT name FROM villages').pluck().get()).toBe('张庄村');
    expect((await call(s, 'villages.list', { search: '张\u200b庄' })).total).toBe(1);
    expect((await call(s, 'villages.list', { filters: [{ id: 'name', value: '\ufeff庄村' }] })).total).toBe(1);
  });

  it('NFC and NFD forms of the same text are one name', async () => {
    const s = await openSession();
    const nfd = '绿村Lu\u0308\u0300'; // ü with its grave accent, decomposed
    const nfc = '绿村L\u01dc';
    expect(nfd).not.toBe(nfc);
    expect(nfd.normalize('NFC')).toBe(nfc);
    const v = await call(s, 'villages.create', village({ name: nfd }));
    expect(v.name).toBe(nfc);
    expect(await callFails(s, 'villages.create', village({ name: nfc }))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    // Saving the village again under its NFD spelling is no rename and no conflict.
    const again = await call(s, 'villages.update', { id: v.id, values: village({ name: nfd, servicePopulation: 999 }) });
    expect(again).toMatchObject({ name: nfc, servicePopulation: 999 });
  });

  it('refuses a lone surrogate naming the field, and writes nothing', async () => {
    const s = await openSession();
    const before = dumpDb(s.db);
    for (const name of ['测试\ud800村', '测试村\udc00']) {
      const err = await callFails(s, 'villages.create', village({ name }));
      expect(err.code).toBe('VALIDATION');
      expect(err.field).toBe('name');
      expect(err.message).toContain(`“村名”${LONE}`);
      expectChinese(err.message);
    }
    const note = await callFails(s, 'villages.create', village({ name: '好村', note: '说明\udbff' }));
    expect(note).toMatchObject({ field: 'note' });
    expect(note.message).toContain(`“备注”${LONE}`);
    expect(dumpDb(s.db)).toBe(before);
  });

  it('a note keeps its line breaks (any kind, as \\n); a name turns them into a space', async () => {
    const s = await openSession();
    const v = await call(s, 'villages.create', village({ name: '河湾\r\n村', note: '第一行\r\n第二行\u2028第三行\u200b' }));
    expect(v.name).toBe('河湾 村');
    expect(v.note).toBe('第一行\n第二行\n第三行');
    expect(s.db.prepare('SELECT note FROM villages WHERE id = ?').pluck().get(v.id)).toBe('第一行\n第二行\n第三行');
  });
});

describe('other unique values and forms', () => {
  it('a clinic code with invisible characters is the same code', async () => {
    const s = await openSession();
    await call(s, 'clinics.create', clinic({ code: 'HY-01', name: '甲村卫生室' }));
    const created = await call(s, 'clinics.create', clinic({ code: '\u200bHY-02\ufeff', name: '乙村卫生室\u200b' }));
    expect(created).toMatchObject({ code: 'HY-02', name: '乙村卫生室' });
    const err = await callFails(s, 'clinics.create', clinic({ code: 'HY\u2060-01', name: '丙村卫生室' }));
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('a 身份证号 with a zero-width space is the same person', async () => {
    const s = await openSessionAt();
    const id = idNumberFor('1970-05-01', 'M');
    await addPerson(s, '王医生', '1970-05-01', 'M');
    const err = await callFails(
      s,
      'people.create',
      personIn('王医生', '1970-05-01', 'M', { idNumber: `${id.slice(0, 6)}\u200b${id.slice(6)}` }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'idNumber' });
    const lone = await callFails(s, 'people.create', personIn('李\ud83d', '1970-05-01', 'F'));
    expect(lone.message).toContain(`“姓名”${LONE}`);
  });

  it('settings, a clinic closing reason and an asset card are cleaned the same way', async () => {
    const s = await openSession();
    const settings = await call(s, 'settings.update', { centerName: '\u200b河阳镇\u0000卫生院\u3000', operatorName: '张\u200d三' });
    expect(settings).toMatchObject({ centerName: '河阳镇卫生院', operatorName: '张三' });
    const c = await call(s, 'clinics.create', clinic({ code: '', name: '丁村卫生室' }));
    const closed = await call(s, 'clinics.close', { id: c.id, closedOn: '2026-01-05', reason: '合并\r\n到甲村\u200b' });
    expect(closed.closedReason).toBe('合并\n到甲村');
    const asset = await call(s, 'assets.create', assetIn({ name: '心电图机\u200b', model: 'ECG\t1200', note: '一\n二' }));
    expect(asset).toMatchObject({ name: '心电图机', model: 'ECG 1200', note: '一\n二' });
    const err = await callFails(s, 'assets.create', assetIn({ model: 'ECG\udfff' }));
    expect(err.message).toContain(`“规格型号”${LONE}`);
  });

  it('refuses a lone surrogate in a search, naming it', async () => {
    const s = await openSession();
    const err = await callFails(s, 'villages.list', { search: '村\ud800' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain(`“搜索内容”${LONE}`);
  });
});
