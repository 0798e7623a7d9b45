import { describe, expect, it } from 'vitest';
import { formInGroups, splitForms } from '../../shared/rules/dosageForms';
import { indexEntries, matchDrug, type ListEntry, type PlatformMark } from '../../shared/rules/essentialMatch';

const entries: ListEntry[] = [
  { id: 1, name: '阿莫西林', forms: ['口服常释剂型'] },
  { id: 2, name: '头孢克洛', forms: splitForms('口服常释剂型、颗粒剂') },
  { id: 3, name: '头孢曲松', forms: ['注射剂'] },
  { id: 4, name: '二甲双胍', forms: ['口服常释剂型'] },
  { id: 5, name: '硝苯地平', forms: ['缓释控释剂型'] },
  { id: 6, name: '六味地黄丸', forms: ['丸剂'] },
];
const index = indexEntries(entries);
const m = (genericName: string, form = '', platformMark: PlatformMark = '') => matchDrug({ genericName, form, platformMark }, index);

describe('D8 matching a catalog drug to an edition', () => {
  it('the same name, with a form of the entry’s group or none', () => {
    expect(m('阿莫西林')).toMatchObject({ status: 'essential', how: 'name', entryId: 1 });
    expect(m('阿莫西林', '胶囊剂')).toMatchObject({ status: 'essential', how: 'name', entryId: 1 });
    expect(m('阿莫西林', '薄膜衣片')).toMatchObject({ status: 'essential', how: 'name' });
    expect(m('六味地黄丸', '浓缩丸')).toMatchObject({ status: 'essential', how: 'name', entryId: 6 });
  });

  it('the name followed by a form in the entry’s 剂型 group', () => {
    expect(m('阿莫西林胶囊')).toMatchObject({ status: 'essential', how: 'name_form', entryId: 1 });
    expect(m('阿莫西林肠溶片')).toMatchObject({ status: 'essential', how: 'name_form' });
    expect(m('头孢克洛颗粒')).toMatchObject({ status: 'essential', how: 'name_form', entryId: 2 });
    expect(m('注射用头孢曲松')).toMatchObject({ status: 'essential', how: 'name_form', entryId: 3 });
    expect(m('硝苯地平缓释片')).toMatchObject({ status: 'essential', how: 'name_form', entryId: 5 });
  });

  it('never by similarity: 头孢克肟 is not 头孢克洛, 阿莫西林克拉维酸钾 is not 阿莫西林', () => {
    expect(m('头孢克肟')).toMatchObject({ status: 'not_essential', how: 'none' });
    expect(m('头孢克肟胶囊')).toMatchObject({ status: 'not_essential', how: 'none' });
    expect(m('阿莫西林克拉维酸钾片')).toMatchObject({ status: 'not_essential', how: 'none' });
  });

  it('doubtful: a form outside the group, a salt the list does not name', () => {
    expect(m('阿莫西林', '注射用无菌粉末')).toMatchObject({ status: 'doubtful', how: 'form' });
    expect(m('硝苯地平片')).toMatchObject({ status: 'doubtful', how: 'form' });
    expect(m('盐酸二甲双胍片')).toMatchObject({ status: 'doubtful', how: 'salt' });
    expect(m('注射用头孢曲松钠')).toMatchObject({ status: 'doubtful', how: 'salt' });
    expect(m('阿莫西林钠')).toMatchObject({ status: 'doubtful', how: 'salt' });
  });

  it('the platform mark: the list wins when it matches; a mark alone is a conflict', () => {
    expect(m('阿莫西林胶囊', '', 'no')).toMatchObject({ status: 'essential', note: '平台标记为非基药，以目录为准' });
    expect(m('头孢克肟', '', 'yes')).toMatchObject({ status: 'doubtful', how: 'platform' });
    expect(m('头孢克肟', '', 'no')).toMatchObject({ status: 'not_essential', how: 'none' });
  });

  it('an entry written without a 剂型 takes any dosage form, still only after its exact name', () => {
    const bare = indexEntries([{ id: 9, name: '维生素C', forms: [] }]);
    expect(matchDrug({ genericName: '维生素C片', form: '片剂', platformMark: '' }, bare)).toMatchObject({
      status: 'essential',
      how: 'name_form',
    });
    expect(matchDrug({ genericName: '维生素C', form: '片剂', platformMark: '' }, bare)).toMatchObject({ status: 'essential', how: 'name' });
    expect(matchDrug({ genericName: '维生素C钠', form: '', platformMark: '' }, bare)).toMatchObject({ status: 'doubtful', how: 'salt' });
  });

  it('a 中成药 written with its other forms in brackets stands for each of them', () => {
    const tcm = indexEntries([{ id: 7, name: '感冒清热颗粒（胶囊、片）', forms: ['颗粒剂'] }]);
    const t = (genericName: string, form = '') => matchDrug({ genericName, form, platformMark: '' }, tcm).status;
    expect([t('感冒清热颗粒', '颗粒剂'), t('感冒清热胶囊', '胶囊剂'), t('感冒清热片')]).toEqual(['essential', 'essential', 'essential']);
    expect(t('感冒清热口服液')).toBe('not_essential');
    expect(t('感冒清热颗粒（胶囊、片）')).toBe('essential');
  });

  it('form groups as the 凡例 defines them', () => {
    expect(formInGroups('肠溶胶囊', ['口服常释剂型'])).toBe(true);
    expect(formInGroups('缓释片', ['口服常释剂型'])).toBe(false);
    expect(formInGroups('注射液', ['注射剂'])).toBe(true);
    expect(formInGroups('颗粒剂', ['颗粒'])).toBe(true);
  });
});
