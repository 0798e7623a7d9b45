/**
 * The clinic file's sections as plain tables (headers, rows of text), built once from
 * clinics.file so the page and the A4 paper show the same figures in the same words.
 */
import { chineseDate } from '../../../shared/format';
import type { ClinicFile } from '../../../shared/schemas/clinicFile';
import type { Route } from '../../router';
import {
  count,
  expiryText,
  monthText,
  passText,
  quarterLine,
  quarterText,
  relationText,
  requisitionText,
  roleText,
  score,
  sexText,
  visitText,
  yuan,
} from './fileText';

export interface FileRow {
  cells: string[];
  /** Where a click on the row goes (an alert: the person's file, on its tab). */
  link?: Route;
  warn?: boolean;
}

export interface FileTable {
  key: string;
  title: string;
  /** One line above the table: the section's figures. */
  summary: string;
  headers: string[];
  /** Which columns are numbers (right-aligned). */
  num: boolean[];
  rows: FileRow[];
  empty: string;
}

export function fileTables(f: ClinicFile): FileTable[] {
  const c = f.clinic;
  const thisQuarter = f.quarters[f.quarters.length - 1];
  return [
    {
      key: 'villages',
      title: '服务范围',
      summary: `服务 ${f.villages.length} 个村，本室服务人口 ${count(c.servicePopulation)} 人（几个卫生室同服务一村时按室分摊）`,
      headers: ['村名', '关系', '全村户籍人口', '全村服务人口'],
      num: [false, false, true, true],
      rows: f.villages.map((v) => ({ cells: [v.name, relationText(v.relation), count(v.residentPopulation), count(v.servicePopulation)] })),
      empty: '未关联任何村',
    },
    {
      key: 'doctors',
      title: '人员配备',
      summary: `应配村医 ${c.requiredDoctors} 人，实有 ${c.actualDoctors} 人${c.actualDoctors < c.requiredDoctors ? '（不足）' : ''}；负责人：${c.headName || '未指定'}`,
      headers: ['姓名', '岗位', '性别', '年龄', '最高有效资格', '到岗日期'],
      num: [false, false, false, true, false, false],
      rows: f.doctors.map((d) => ({
        cells: [d.name, roleText(d.role), sexText(d.sex), String(d.age), d.qualification || '无有效资格', chineseDate(d.since)],
        link: { page: 'people', filter: { id: 'open', value: String(d.personId) } },
        warn: d.qualification === '',
      })),
      empty: '没有在岗人员',
    },
    {
      key: 'alerts',
      title: '预警提醒',
      summary: f.alerts.length ? `${f.alerts.length} 条预警（本室及其人员）` : '没有预警',
      headers: ['规则', '对象', '内容'],
      num: [false, false, false],
      rows: f.alerts.map((a) => ({
        cells: [a.rule, a.subject, a.detail],
        link: a.personId !== null ? { page: 'people', filter: { id: 'open', value: String(a.personId) } } : undefined,
        warn: a.level === 'error',
      })),
      empty: '没有预警',
    },
    {
      key: 'assets',
      title: '固定资产',
      summary: `在账 ${f.assets.rows.length} 件，原值 ${yuan(f.assets.valueFen)}，账面净值 ${yuan(f.assets.bookValueFen)}；最近盘点：${
        f.assets.lastStocktakeOn ? chineseDate(f.assets.lastStocktakeOn) : '从未盘点'
      }`,
      headers: ['资产编码', '名称', '启用日期', '原值(元)', '账面净值(元)', '最近盘点'],
      num: [false, false, false, true, true, false],
      rows: f.assets.rows.map((a) => ({
        cells: [
          a.code,
          a.name,
          chineseDate(a.inServiceOn),
          yuan(a.valueFen).replace(' 元', ''),
          yuan(a.bookValueFen).replace(' 元', ''),
          chineseDate(a.lastStocktakeOn) || '未盘点',
        ],
      })),
      empty: '没有在账资产',
    },
    {
      key: 'stock',
      title: '药品库存',
      summary: `库存金额 ${yuan(f.stock.valueFen)}（${f.stock.batches} 个批次）；过期 ${f.stock.attention.filter((b) => b.expiry === 'expired').length} 批，近效期（${
        f.stock.nearExpiryDays
      } 天内）${f.stock.attention.filter((b) => b.expiry === 'near').length} 批`,
      headers: ['药品', '规格', '批号', '有效期至', '数量', '金额(元)', '状态'],
      num: [false, false, false, false, true, true, false],
      rows: f.stock.attention.map((b) => ({
        cells: [
          b.drugName,
          b.spec,
          b.lotNo,
          chineseDate(b.expiresOn),
          `${count(b.packs)} ${b.packUnit}`,
          yuan(b.amountFen).replace(' 元', ''),
          expiryText(b.expiry),
        ],
        warn: b.expiry === 'expired',
      })),
      empty: '没有过期或近效期药品',
    },
    {
      key: 'supervision',
      title: '督导考核',
      summary: `本月请领：${requisitionText(f.requisition)}。${quarterLine(thisQuarter)}`,
      headers: ['月份', '督导', '得分', '一票否决', '问题数'],
      num: [false, false, true, false, true],
      rows: f.visits.map((v) => ({
        cells: [
          monthText(v.month),
          visitText(v),
          score(v.totalTenths),
          v.vetoed ? '是' : '',
          v.status === 'none' ? '' : String(v.findings),
        ],
        warn: v.status === 'none',
      })),
      empty: '今年尚无督导记录',
    },
    {
      key: 'quarters',
      title: '季度考核',
      summary: `合格线 ${f.assessmentRule.passLine} 分`,
      headers: ['季度', '季度得分', '等级', '是否合格', '未督导月份'],
      num: [false, true, false, false, false],
      rows: f.quarters.map((q) => ({
        cells: [
          quarterText(q.quarter),
          score(q.scoreTenths),
          q.grade ?? '—',
          passText(q.passed),
          q.unsupervisedMonths.map(monthText).join('、'),
        ],
        warn: q.passed === false,
      })),
      empty: '今年尚无考核',
    },
  ];
}
