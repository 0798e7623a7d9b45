/**
 * The columns of a clerk's 乡村医生花名册, with the names and spellings they go by in the
 * county's and townships' own sheets, and the words clerks write in the cells.
 */
import type { FieldDef } from '../../../excel/import/types';

const sexes = { 男: 'M', 女: 'F', 男性: 'M', 女性: 'F', m: 'M', f: 'F' };

const education = {
  研究生: '研究生',
  硕士: '研究生',
  博士: '研究生',
  硕士研究生: '研究生',
  博士研究生: '研究生',
  大学本科: '大学本科',
  本科: '大学本科',
  大学: '大学本科',
  大学专科: '大学专科',
  大专: '大学专科',
  专科: '大学专科',
  高职: '大学专科',
  中专: '中专',
  中等专科: '中专',
  中技: '中专',
  卫校: '中专',
  高中: '高中',
  职高: '高中',
  初中: '初中及以下',
  小学: '初中及以下',
  初中及以下: '初中及以下',
};

const categories = {
  乡村医生: 'village_doctor',
  村医: 'village_doctor',
  卫生院派驻: 'center_staff',
  卫生院派驻人员: 'center_staff',
  派驻人员: 'center_staff',
  派驻: 'center_staff',
  卫生院职工: 'center_staff',
  卫生院人员: 'center_staff',
  县聘乡用: 'county_hired',
  县聘乡用人员: 'county_hired',
};

/** Qualification names as written on rosters (中医（专长）医师 and 中医(专长)医师 read alike). */
const qualifications = {
  执业医师: 'licensed_physician',
  临床执业医师: 'licensed_physician',
  中医执业医师: 'licensed_physician',
  医师: 'licensed_physician',
  执业助理医师: 'assistant_physician',
  助理医师: 'assistant_physician',
  临床执业助理医师: 'assistant_physician',
  中医执业助理医师: 'assistant_physician',
  乡村全科执业助理医师: 'rural_gp_assistant',
  乡村全科助理医师: 'rural_gp_assistant',
  乡村全科: 'rural_gp_assistant',
  '中医（专长）医师': 'tcm_specialty',
  中医专长医师: 'tcm_specialty',
  中医专长: 'tcm_specialty',
  中医医术确有专长: 'tcm_specialty',
  中等以上医学专业学历: 'secondary_diploma',
  医学中专: 'secondary_diploma',
  中专学历: 'secondary_diploma',
  中等医学学历: 'secondary_diploma',
  乡村医生执业证书: 'village_doctor_cert',
  乡村医生: 'village_doctor_cert',
  乡村医生证: 'village_doctor_cert',
  村医证: 'village_doctor_cert',
};

const roles = {
  负责人: 'head',
  卫生室负责人: 'head',
  室长: 'head',
  所长: 'head',
  主任: 'head',
  村医: 'doctor',
  乡村医生: 'doctor',
  医生: 'doctor',
  医师: 'doctor',
  成员: 'doctor',
};

const employments = {
  乡聘村用: 'township_hired',
  // The app's own labels, so its 花名册 return reads back in.
  '乡聘村用（劳动合同）': 'township_hired',
  卫生院派驻人员: 'dispatched',
  乡聘: 'township_hired',
  乡镇聘用: 'township_hired',
  劳动合同: 'township_hired',
  个体: 'self_employed',
  个体执业: 'self_employed',
  个体行医: 'self_employed',
  自聘: 'self_employed',
  派驻: 'dispatched',
  卫生院派驻: 'dispatched',
  县聘乡用: 'county_hired',
};

/** The app's own label first: it names the value in the preview's notes and in messages. */
const establishments = {
  '编内（余编）': 'spare',
  余编: 'spare',
  编内: 'spare',
  编内余编: 'spare',
  在编: 'spare',
  编外: 'off',
  编制外: 'off',
  无编制: 'off',
  无: '',
};

export const rosterFields: readonly FieldDef[] = [
  { key: 'name', label: '姓名', synonyms: ['村医姓名', '人员姓名', '医生姓名'], type: 'text', requiredColumn: true, requiredValue: true },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['身份证号码', '公民身份号码', '居民身份证号码', '身份证', '证件号码', '身份证件号码'],
    type: 'code',
    requiredColumn: true,
    requiredValue: true,
  },
  { key: 'sex', label: '性别', synonyms: [], type: 'enum', choices: sexes },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '出生时间'], type: 'month' },
  { key: 'phone', label: '联系电话', synonyms: ['手机', '手机号码', '手机号', '电话', '电话号码', '联系方式'], type: 'text' },
  { key: 'education', label: '学历', synonyms: ['文化程度', '最高学历', '学历层次'], type: 'enum', choices: education },
  { key: 'ethnicity', label: '民族', synonyms: [], type: 'text' },
  { key: 'category', label: '人员类别', synonyms: ['人员身份', '身份类别', '人员类型'], type: 'enum', choices: categories },
  {
    key: 'ruralWorkStart',
    label: '从事村医工作时间',
    synonyms: ['从事乡村医生工作时间', '开始从事村医工作时间', '从事村医时间', '参加工作时间', '参加工作日期', '从业时间'],
    type: 'date',
  },
  {
    key: 'qualKind',
    label: '执业类别',
    synonyms: ['资格类别', '执业资格', '执业资格类别', '执业资格证书', '资格证书', '资格种类', '最高资格'],
    type: 'enum',
    choices: qualifications,
  },
  {
    key: 'certNumber',
    label: '证书编号',
    synonyms: ['执业证书编号', '资格证书编号', '证书号', '证书号码', '执业证书号', '执业证号'],
    type: 'text',
  },
  { key: 'scope', label: '执业范围', synonyms: [], type: 'text' },
  { key: 'issuedOn', label: '发证日期', synonyms: ['发证时间', '取证时间', '取得时间', '注册日期'], type: 'date' },
  {
    key: 'validUntil',
    label: '证书有效期',
    synonyms: ['有效期至', '有效期', '证书有效期至', '有效期限', '证书有效期限', '再注册日期'],
    type: 'range',
  },
  {
    key: 'clinic',
    label: '所在村卫生室',
    synonyms: ['所在卫生室', '工作单位', '村卫生室', '卫生室', '卫生室名称', '所在单位', '执业地点', '执业机构'],
    type: 'text',
    covers: ['clinicId'],
  },
  { key: 'role', label: '岗位', synonyms: ['职务', '岗位/职务', '职务/岗位', '岗位职务'], type: 'enum', choices: roles },
  { key: 'postStart', label: '到岗时间', synonyms: ['到岗日期', '任职时间', '任职日期', '上岗时间'], type: 'date' },
  // 乡聘村用（编外）: the bracket is the 编制 (values.ts).
  {
    key: 'employmentKind',
    label: '聘用形式',
    synonyms: ['聘用方式', '聘用类型', '聘用性质', '用工形式', '用工性质'],
    type: 'enum',
    choices: employments,
    qualifierField: 'establishment',
  },
  { key: 'establishment', label: '编制', synonyms: ['编制情况', '编制性质', '编制类型'], type: 'enum', choices: establishments },
  {
    key: 'contract',
    label: '合同起止',
    synonyms: ['合同起止时间', '合同起止日期', '合同期限', '合同期', '合同时间', '聘用期限', '聘期'],
    type: 'range',
    covers: ['contractStart', 'contractEnd'],
  },
  {
    key: 'contractStart',
    label: '合同开始',
    synonyms: ['合同开始时间', '合同开始日期', '合同起始日期', '合同起始时间', '合同签订时间', '聘用开始时间'],
    type: 'date',
  },
  {
    key: 'contractEnd',
    label: '合同结束',
    synonyms: ['合同结束时间', '合同结束日期', '合同到期', '合同到期时间', '合同到期日期', '合同终止日期', '合同截止日期'],
    type: 'date',
  },
  { key: 'pension', label: '养老保险', synonyms: ['参加养老保险', '基本养老保险'], type: 'bool' },
  { key: 'workInjury', label: '工伤保险', synonyms: ['参加工伤保险'], type: 'bool' },
  { key: 'liability', label: '医疗责任险', synonyms: ['医疗责任保险', '医责险', '责任险'], type: 'bool' },
  { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', multiline: true },
];
