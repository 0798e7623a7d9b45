/**
 * How each kind of per-person record is shown and edited: its fields (for the form), its
 * schema (the same one the core checks with), its table columns and its empty values.
 */
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { chineseDate } from '../../../shared/format';
import { qualificationKinds, qualificationLabels, type QualificationKind } from '../../../shared/rules/qualifications';
import { roleLabels } from '../../../shared/peopleViews';
import {
  assignmentRecord,
  employmentKindLabels,
  employmentKinds,
  employmentRecord,
  establishmentLabels,
  leaveKindLabels,
  leaveRecord,
  qualificationRecord,
  trainingKindLabels,
  trainingRecord,
  type RecordTable,
} from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { FieldSpec } from '../../components/SpecForm';

type Option = { value: string | number; label: string };
const opts = (labels: Record<string, string>, keys?: readonly string[]): Option[] =>
  (keys ?? Object.keys(labels)).map((k) => ({ value: k, label: labels[k] ?? k }));
const yes = (b: boolean) => (b ? '是' : '否');
const span = (a: string, b: string | null) => `${chineseDate(a)} 至 ${b ? chineseDate(b) : '今'}`;

export interface RecordSpec {
  table: RecordTable;
  title: string;
  schema: z.ZodType<FieldValues>;
  fields: (ctx: { clinics: Option[]; people: Option[] }) => FieldSpec[];
  empty: Record<string, unknown>;
  rows: (p: PersonDetail) => { id: number; values: Record<string, unknown>; cells: ReactNode[] }[];
  headers: string[];
}

export const recordSpecs: RecordSpec[] = [
  {
    table: 'qualifications',
    title: '资格证书',
    schema: qualificationRecord as unknown as z.ZodType<FieldValues>,
    fields: () => [
      { name: 'kind', label: '资格类别', kind: 'select', options: opts(qualificationLabels, qualificationKinds), required: true },
      { name: 'certNumber', label: '证书编号', kind: 'text' },
      { name: 'scope', label: '执业范围', kind: 'text' },
      { name: 'issuedOn', label: '发证日期', kind: 'date' },
      {
        name: 'validUntil',
        label: '有效期至（再注册日期）',
        kind: 'date',
        extra: '乡村医生执业证书有效期 5 年，到期前 3 个月内申请再注册（S14）',
      },
      { name: 'note', label: '备注', kind: 'textarea' },
    ],
    empty: { table: 'qualifications', kind: undefined, certNumber: '', scope: '', issuedOn: null, validUntil: null, note: '' },
    headers: ['资格类别', '证书编号', '执业范围', '发证日期', '有效期至'],
    rows: (p) =>
      p.qualifications.map((q) => ({
        id: q.id,
        values: { table: 'qualifications', ...q },
        cells: [
          qualificationLabels[q.kind as QualificationKind] ?? q.kind,
          q.certNumber,
          q.scope,
          chineseDate(q.issuedOn),
          q.validUntil ? chineseDate(q.validUntil) : '长期',
        ],
      })),
  },
  {
    table: 'assignments',
    title: '岗位',
    schema: assignmentRecord as unknown as z.ZodType<FieldValues>,
    fields: ({ clinics }) => [
      { name: 'clinicId', label: '村卫生室', kind: 'select', options: clinics, required: true },
      {
        name: 'role',
        label: '岗位',
        kind: 'select',
        options: opts(roleLabels),
        required: true,
        extra: '每个卫生室同一时间只有一名负责人（C2）',
      },
      { name: 'startDate', label: '起始日期', kind: 'date', required: true },
      { name: 'endDate', label: '结束日期（在岗的留空）', kind: 'date' },
      { name: 'note', label: '备注', kind: 'textarea' },
    ],
    empty: { table: 'assignments', clinicId: undefined, role: 'doctor', startDate: null, endDate: null, note: '' },
    headers: ['村卫生室', '岗位', '起止'],
    rows: (p) =>
      p.assignments.map((a) => ({
        id: a.id,
        // A post of unknown start opens with an empty 起始日期 to fill in; saving it clears the mark.
        values: { table: 'assignments', ...a, ...(a.startUnknown ? { startDate: null, startUnknown: false } : {}) },
        cells: [
          a.clinicName,
          roleLabels[a.role] ?? a.role,
          a.startUnknown ? `起始日期不详 至 ${a.endDate ? chineseDate(a.endDate) : '今'}` : span(a.startDate, a.endDate),
        ],
      })),
  },
  {
    table: 'employments',
    title: '聘用合同',
    schema: employmentRecord as unknown as z.ZodType<FieldValues>,
    fields: () => [
      {
        name: 'kind',
        label: '聘用形式',
        kind: 'select',
        options: opts(employmentKindLabels, employmentKinds),
        required: true,
        extra: '派驻至少半年（S7）；县聘乡用至少一年（S8）',
      },
      {
        name: 'establishment',
        label: '编制',
        kind: 'select',
        options: opts(establishmentLabels, ['spare', 'off']),
        when: (v) => v.kind === 'township_hired',
      },
      { name: 'startDate', label: '开始日期', kind: 'date', required: true },
      { name: 'endDate', label: '结束日期', kind: 'date' },
      { name: 'pension', label: '养老保险', kind: 'bool' },
      { name: 'workInjury', label: '工伤保险', kind: 'bool' },
      { name: 'liability', label: '医疗责任险', kind: 'bool' },
      { name: 'assessment', label: '卫生院考核结果（县聘乡用）', kind: 'text', when: (v) => v.kind === 'county_hired' },
      { name: 'note', label: '备注', kind: 'textarea' },
    ],
    empty: {
      table: 'employments',
      kind: undefined,
      establishment: '',
      startDate: null,
      endDate: null,
      pension: false,
      workInjury: false,
      liability: false,
      assessment: '',
      note: '',
    },
    headers: ['聘用形式', '编制', '起止', '养老', '工伤', '责任险'],
    rows: (p) =>
      p.employments.map((e) => ({
        id: e.id,
        values: { table: 'employments', ...e, ...(e.startUnknown ? { startDate: null, startUnknown: false } : {}) },
        cells: [
          employmentKindLabels[e.kind as keyof typeof employmentKindLabels] ?? e.kind,
          establishmentLabels[e.establishment as keyof typeof establishmentLabels] ?? '',
          e.startUnknown ? `起始日期不详 至 ${e.endDate ? chineseDate(e.endDate) : '今'}` : span(e.startDate, e.endDate),
          yes(e.pension),
          yes(e.workInjury),
          yes(e.liability),
        ],
      })),
  },
  {
    table: 'trainings',
    title: '培训进修',
    schema: trainingRecord as unknown as z.ZodType<FieldValues>,
    fields: () => [
      { name: 'kind', label: '类别', kind: 'select', options: opts(trainingKindLabels), required: true },
      { name: 'title', label: '内容', kind: 'text' },
      { name: 'place', label: '地点', kind: 'text' },
      { name: 'startDate', label: '开始日期', kind: 'date', required: true },
      { name: 'endDate', label: '结束日期', kind: 'date', required: true },
      { name: 'days', label: '天数', kind: 'number', required: true },
    ],
    empty: { table: 'trainings', kind: 'clinical_practice', title: '', place: '', startDate: null, endDate: null, days: 7 },
    headers: ['类别', '内容', '地点', '起止', '天数'],
    rows: (p) =>
      p.trainings.map((t) => ({
        id: t.id,
        values: { table: 'trainings', ...t },
        cells: [
          trainingKindLabels[t.kind as keyof typeof trainingKindLabels] ?? t.kind,
          t.title,
          t.place,
          span(t.startDate, t.endDate),
          t.days,
        ],
      })),
  },
  {
    table: 'leaves',
    title: '请假与离岗',
    schema: leaveRecord as unknown as z.ZodType<FieldValues>,
    fields: ({ people }) => [
      {
        name: 'kind',
        label: '类别',
        kind: 'select',
        options: opts(leaveKindLabels),
        required: true,
        extra: '擅自离岗一年累计 30 天以上将触发退出（S11）',
      },
      { name: 'startDate', label: '开始日期', kind: 'date', required: true },
      { name: 'endDate', label: '结束日期', kind: 'date', required: true },
      { name: 'standInId', label: '顶岗人员', kind: 'select', options: people, when: (v) => v.kind === 'leave' },
      { name: 'approved', label: '已批准', kind: 'bool', when: (v) => v.kind === 'leave' },
      { name: 'approver', label: '批准人', kind: 'text', when: (v) => v.kind === 'leave' },
      { name: 'reason', label: '事由', kind: 'textarea' },
    ],
    empty: { table: 'leaves', kind: 'leave', startDate: null, endDate: null, standInId: null, approved: false, approver: '', reason: '' },
    headers: ['类别', '起止', '顶岗人员', '批准', '事由'],
    rows: (p) =>
      p.leaves.map((l) => ({
        id: l.id,
        values: { table: 'leaves', ...l },
        cells: [
          leaveKindLabels[l.kind as keyof typeof leaveKindLabels] ?? l.kind,
          span(l.startDate, l.endDate),
          l.standInName,
          l.kind === 'leave' ? yes(l.approved) : '—',
          l.reason,
        ],
      })),
  },
];
