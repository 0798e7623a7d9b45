/**
 * 乡村医生花名册 (issue 3, item 8; R0, R1): one row per person working in the township's
 * clinics — every active village doctor, center staff holding a post at a clinic (dispatched,
 * S7), and anyone on post on the as-of date who has left since — with the basic facts, the highest valid qualification (S3/S4, the same
 * rule as everywhere: shared/rules/qualifications.ts), the post and contract held on the as-of
 * date (S6), and the three insurances. Read in four queries, however many people.
 */
import { ageOn } from '../../../../shared/rules/idCard';
import { highestQualification, isValidOn, qualificationLabels, type QualificationKind } from '../../../../shared/rules/qualifications';
import { employmentKindLabels, personCategoryLabels, sexLabels } from '../../../../shared/schemas/people';
import type { Db } from '../../../db/open';
import { readSettings } from '../../settings/service';
import {
  computeTotals,
  fitWidths,
  type ReportColumn,
  type ReportData,
  type ReportValue,
  type ReportWhen,
} from '../../../excel/returns/types';

export const ROSTER_TITLE = '乡村医生花名册';

const columns: ReportColumn[] = [
  { key: 'index', header: '序号', kind: 'center', width: 5 },
  { key: 'name', header: '姓名', group: '基本情况', kind: 'text', width: 8, total: 'count', countUnit: '人' },
  { key: 'sex', header: '性别', group: '基本情况', kind: 'center', width: 5 },
  { key: 'birthDate', header: '出生日期', group: '基本情况', kind: 'date', width: 14 },
  { key: 'age', header: '年龄', group: '基本情况', kind: 'int', width: 5 },
  { key: 'idNumber', header: '身份证号', group: '基本情况', kind: 'text', width: 20 },
  { key: 'education', header: '学历', group: '基本情况', kind: 'center', width: 9 },
  { key: 'qualification', header: '最高资格', group: '执业资格', kind: 'text', width: 14 },
  { key: 'certNumber', header: '证书编号', group: '执业资格', kind: 'text', width: 12 },
  { key: 'clinic', header: '所在卫生室', group: '岗位与聘用', kind: 'text', width: 14 },
  { key: 'role', header: '岗位', group: '岗位与聘用', kind: 'center', width: 7 },
  { key: 'employment', header: '聘用形式', group: '岗位与聘用', kind: 'text', width: 12 },
  { key: 'contract', header: '合同起止', group: '岗位与聘用', kind: 'center', width: 22 },
  { key: 'pension', header: '养老保险', group: '保险', kind: 'center', width: 6, total: 'yes', countUnit: '人' },
  { key: 'workInjury', header: '工伤保险', group: '保险', kind: 'center', width: 6, total: 'yes', countUnit: '人' },
  { key: 'liability', header: '医疗责任险', group: '保险', kind: 'center', width: 7, total: 'yes', countUnit: '人' },
  { key: 'phone', header: '联系电话', kind: 'text', width: 12 },
];

interface PersonRecord {
  id: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  id_number: string;
  education: string;
  category: keyof typeof personCategoryLabels;
  phone: string;
  status: 'active' | 'exited';
}

function byPerson<T extends { person_id: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.person_id);
    if (list) list.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
}

const onDate = (r: { start_date: string; end_date: string | null }, asOf: string) =>
  r.start_date <= asOf && (r.end_date === null || r.end_date >= asOf);
const dotted = (iso: string | null) => (iso ? iso.replace(/-/g, '.') : '');
const yesNo = (v: number) => (v === 1 ? '是' : '否');

/** The people of the return, ordered by clinic (head first), those without a post last. */
export function rosterRows(db: Db, asOf: string): Record<string, ReportValue>[] {
  const people = db
    .prepare(`SELECT id, name, sex, birth_date, id_number, education, category, phone, status FROM people ORDER BY id`)
    .all() as PersonRecord[];
  const quals = byPerson(
    db.prepare('SELECT person_id, kind, cert_number, valid_until FROM qualifications ORDER BY id').all() as {
      person_id: number;
      kind: QualificationKind;
      cert_number: string;
      valid_until: string | null;
    }[],
  );
  const posts = byPerson(
    db
      .prepare(
        `SELECT a.person_id, a.role, a.start_date, a.end_date, c.name AS clinic, coalesce(c.code, '') AS code FROM assignments a JOIN clinics c ON c.id = a.clinic_id ORDER BY a.start_date DESC`,
      )
      .all() as {
      person_id: number;
      role: string;
      start_date: string;
      end_date: string | null;
      clinic: string;
      code: string;
    }[],
  );
  const jobs = byPerson(
    db
      .prepare('SELECT person_id, kind, start_date, end_date, pension, work_injury, liability FROM employments ORDER BY start_date DESC')
      .all() as {
      person_id: number;
      kind: keyof typeof employmentKindLabels;
      start_date: string;
      end_date: string | null;
      pension: number;
      work_injury: number;
      liability: number;
    }[],
  );
  const rows = people.flatMap((p) => {
    const post = posts.get(p.id)?.find((a) => onDate(a, asOf));
    // On post that day, or an active village doctor without a post (listed last, to be placed).
    if (!post && !(p.status === 'active' && p.category === 'village_doctor')) return [];
    const held = (quals.get(p.id) ?? []).map((q) => ({ kind: q.kind, validUntil: q.valid_until, certNumber: q.cert_number }));
    const top = highestQualification(held, asOf);
    const job = jobs.get(p.id)?.find((e) => onDate(e, asOf));
    return [
      {
        sortKey: `${post ? `0${post.code}${post.role === 'head' ? 0 : 1}` : '1'}`,
        name: p.name,
        sex: sexLabels[p.sex],
        birthDate: p.birth_date,
        age: ageOn(p.birth_date, asOf),
        idNumber: p.id_number,
        education: p.education,
        qualification: top ? qualificationLabels[top] : '无有效资格',
        certNumber: held.find((q) => q.kind === top && isValidOn(q, asOf))?.certNumber ?? '',
        clinic: post?.clinic ?? '',
        role: post ? (post.role === 'head' ? '负责人' : '村医') : '',
        employment: job ? employmentKindLabels[job.kind] : '',
        contract: job ? `${dotted(job.start_date)}-${dotted(job.end_date) || '长期'}` : '',
        pension: job ? yesNo(job.pension) : '否',
        workInjury: job ? yesNo(job.work_injury) : '否',
        liability: job ? yesNo(job.liability) : '否',
        phone: p.phone,
        category: p.category,
        counts: top === 'licensed_physician' || top === 'assistant_physician' || top === 'rural_gp_assistant',
      },
    ];
  });
  // A stable sort keeps people of one clinic and role in the order they were registered.
  rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return rows.map(({ sortKey: _s, category, counts, ...r }, i) => ({ index: i + 1, ...r, category, counts: counts ? 1 : 0 }));
}

export function buildRosterReport(db: Db, when: ReportWhen): ReportData {
  const settings = readSettings(db);
  const all = rosterRows(db, when.asOf);
  const rows = all.map(({ category: _c, counts: _q, ...r }) => r);
  const count = (f: (r: Record<string, ReportValue>) => boolean) => all.filter(f).length;
  const figures = {
    people: all.length,
    villageDoctors: count((r) => r.category === 'village_doctor'),
    centerStaff: count((r) => r.category === 'center_staff'),
    women: count((r) => r.sex === sexLabels.F),
    licensedOrAssistant: count((r) => r.counts === 1),
    withoutValidQualification: count((r) => r.qualification === '无有效资格'),
    aged60: count((r) => Number(r.age) >= 60),
    pension: count((r) => r.pension === '是'),
    workInjury: count((r) => r.workInjury === '是'),
    liability: count((r) => r.liability === '是'),
  };
  return {
    name: 'roster',
    title: ROSTER_TITLE,
    unit: settings.centerName,
    county: settings.county,
    date: when.today,
    asOf: when.asOf,
    signature: { operator: settings.operatorName, reviewer: settings.reviewerName, director: settings.directorName },
    figures,
    tables: [
      {
        sheetName: '花名册',
        title: ROSTER_TITLE,
        columns: fitWidths(columns, rows),
        rows,
        totals: computeTotals(columns, rows),
        summary: {
          title: '人员情况',
          header: ['项目', '人数'],
          kinds: ['text', 'int'],
          // The labels are longer than the 姓名 column they would start in.
          spans: [4, 1],
          rows: [
            ['在册人员', figures.people],
            [`其中：${personCategoryLabels.village_doctor}`, figures.villageDoctors],
            [`其中：${personCategoryLabels.center_staff}`, figures.centerStaff],
            ['女性', figures.women],
            ['执业（助理）医师（含乡村全科执业助理医师）', figures.licensedOrAssistant],
            ['无有效执业资格（S3）', figures.withoutValidQualification],
            ['60 岁及以上（S5）', figures.aged60],
          ],
        },
      },
    ],
  };
}
