/**
 * The demo township's people: about two dozen village doctors and staff, laid out so that every
 * people alert has at least one real case (S1 short-staffed clinic, S2 all-male clinic, S3
 * expired certificate, S5 ageing head, S6 contract ending, S7 short dispatch, S9 training
 * shortfall, S11 absence). Dates are relative to the seeding day, so the alerts stay current.
 * S9a / S11a: training is in March and September of this year and of last year (so before
 * September the second stint shows as planned, and from January to March last year's final
 * shortfall shows for 张强 and 刘伟 only); absence lies before the seeding day, within one
 * calendar year, so it counts as happened; 孙涛's absence of last year was kept by a 留用说明.
 */
import { checkCharacter } from '../../shared/rules/idCard';
import { addDays, addMonths } from '../../shared/rules/dates';
import { todayIso } from '../../shared/format';
import { personInput, personRecord } from '../../shared/schemas/people';
import type { ServiceContext } from '../db/context';
import { saveRecord } from '../domains/people/records';
import { insertPerson } from '../domains/people/write';
import { recordExitDecision } from '../domains/people/exitDecisions';

interface DemoPerson {
  name: string;
  sex: 'M' | 'F';
  born: string;
  clinic: string;
  head?: boolean;
  qual: 'licensed_physician' | 'assistant_physician' | 'rural_gp_assistant' | 'village_doctor_cert' | 'tcm_specialty' | 'secondary_diploma';
  /** Certificate validity in months from today; negative = already expired. */
  certMonths?: number;
  contractMonths?: number;
  dispatchMonths?: number;
  stints?: number;
  absenceDays?: number;
  /** Unauthorised absence of last year (May), kept by a 留用说明 with this reason. */
  keptAfterAbsence?: { days: number; reason: string };
  category?: 'village_doctor' | 'center_staff';
}

const people: DemoPerson[] = [
  { name: '张建国', sex: 'M', born: '1968-03-12', clinic: '01', head: true, qual: 'assistant_physician', stints: 2 },
  { name: '张丽华', sex: 'F', born: '1985-07-21', clinic: '01', qual: 'village_doctor_cert', certMonths: 30, stints: 2 },
  { name: '张强', sex: 'M', born: '1990-11-02', clinic: '01', qual: 'rural_gp_assistant', stints: 1 },
  { name: '李秀英', sex: 'F', born: '1972-05-08', clinic: '02', head: true, qual: 'licensed_physician', stints: 2, contractMonths: 2 },
  { name: '李明', sex: 'M', born: '1988-09-19', clinic: '02', qual: 'village_doctor_cert', certMonths: 2, stints: 2 },
  { name: '王志强', sex: 'M', born: '1962-01-15', clinic: '03', head: true, qual: 'village_doctor_cert', certMonths: 20, stints: 2 },
  { name: '赵红梅', sex: 'F', born: '1979-04-03', clinic: '04', head: true, qual: 'assistant_physician', stints: 2 },
  { name: '赵军', sex: 'M', born: '1983-12-25', clinic: '04', qual: 'village_doctor_cert', certMonths: -3, stints: 2 },
  { name: '刘德顺', sex: 'M', born: '1960-08-30', clinic: '05', head: true, qual: 'village_doctor_cert', certMonths: 10, stints: 2 },
  { name: '刘洋', sex: 'M', born: '1992-02-14', clinic: '05', qual: 'assistant_physician', stints: 2 },
  { name: '刘桂兰', sex: 'F', born: '1976-06-18', clinic: '06', head: true, qual: 'tcm_specialty', stints: 2 },
  { name: '刘伟', sex: 'M', born: '1987-10-10', clinic: '06', qual: 'secondary_diploma', stints: 0 },
  { name: '陈立新', sex: 'M', born: '1970-09-09', clinic: '07', head: true, qual: 'licensed_physician', stints: 2 },
  { name: '杨秀兰', sex: 'F', born: '1981-03-27', clinic: '07', qual: 'village_doctor_cert', certMonths: 40, stints: 2 },
  { name: '孙海燕', sex: 'F', born: '1977-07-07', clinic: '08', head: true, qual: 'assistant_physician', stints: 2, absenceDays: 31 },
  {
    name: '孙涛',
    sex: 'M',
    born: '1991-05-05',
    clinic: '08',
    qual: 'rural_gp_assistant',
    stints: 2,
    keptAfterAbsence: { days: 32, reason: '家中老人重病陪护，事后补办请假手续；经卫生院研究给予警告，继续留用' },
  },
  { name: '周明', sex: 'M', born: '1966-12-01', clinic: '09', head: true, qual: 'village_doctor_cert', certMonths: 25, stints: 2 },
  { name: '周磊', sex: 'M', born: '1993-08-08', clinic: '09', qual: 'village_doctor_cert', certMonths: 50, stints: 2 },
  { name: '吴春生', sex: 'M', born: '1974-02-02', clinic: '10', head: true, qual: 'assistant_physician', stints: 2 },
  { name: '郑丽', sex: 'F', born: '1982-11-11', clinic: '11', head: true, qual: 'licensed_physician', stints: 2 },
  { name: '冯国庆', sex: 'M', born: '1969-10-01', clinic: '12', head: true, qual: 'village_doctor_cert', certMonths: 15, stints: 2 },
  { name: '冯小燕', sex: 'F', born: '1995-04-20', clinic: '12', qual: 'assistant_physician', stints: 2 },
  { name: '韩志刚', sex: 'M', born: '1971-01-20', clinic: '13', head: true, qual: 'village_doctor_cert', certMonths: 33, stints: 2 },
  {
    name: '马晓东',
    sex: 'M',
    born: '1989-06-06',
    clinic: '10',
    qual: 'assistant_physician',
    category: 'center_staff',
    dispatchMonths: 5,
    stints: 0,
  },
];

/** A valid 身份证号 for a demo person: area 410822 (a county code), birth date, a sequence of the right parity. */
function demoIdNumber(born: string, sex: 'M' | 'F', seq: number): string {
  const copy = Math.floor((seq - 1) / 100);
  const serial = String((((seq - 1) % 100) + 1) * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0');
  const first17 = `${copy === 0 ? '410822' : String(420000 + copy)}${born.replace(/-/g, '')}${serial}`;
  return first17 + checkCharacter(first17);
}

export function seedDemoPeople(ctx: ServiceContext, clinicIds: Map<string, number>, copy: number): number {
  const today = todayIso(ctx.now());
  const year = today.slice(0, 4);
  let n = 0;
  // Through the records service, so the demo obeys the same rules (C2, overlaps) as the clerk.
  const save = (personId: number, record: unknown) => saveRecord(ctx, personId, undefined, personRecord.parse(record));
  people.forEach((p, i) => {
    const clinicId = clinicIds.get(p.clinic);
    if (clinicId === undefined) return;
    const id = insertPerson(
      ctx,
      personInput.parse({
        name: copy === 0 ? p.name : `${p.name}${copy + 1}`,
        idNumber: demoIdNumber(p.born, p.sex, copy * 100 + i + 1),
        category: p.category ?? 'village_doctor',
        phone: `1389100${String(copy * 100 + i).padStart(4, '0')}`,
        education: p.qual === 'licensed_physician' ? '大学本科' : p.qual === 'secondary_diploma' ? '中专' : '大学专科',
        ruralWorkStart: `${2000 + (i % 15)}-03-01`,
      }),
    );
    const start = `${Number(year) - 3}-06-01`;
    save(id, {
      table: 'assignments',
      clinicId,
      role: p.head ? 'head' : 'doctor',
      startDate: p.dispatchMonths ? addMonths(today, -1) : start,
    });
    save(id, {
      table: 'qualifications',
      kind: p.qual,
      certNumber: `${p.qual === 'village_doctor_cert' ? 'XC' : 'ZY'}${year}${String(i + 1).padStart(4, '0')}`,
      issuedOn: `${2008 + (i % 12)}-07-01`,
      validUntil: p.certMonths === undefined ? null : addMonths(today, p.certMonths),
    });
    if (p.dispatchMonths) {
      save(id, {
        table: 'employments',
        kind: 'dispatched',
        startDate: addMonths(today, -1),
        endDate: addMonths(addMonths(today, -1), p.dispatchMonths),
        pension: true,
        workInjury: true,
        liability: true,
      });
    } else {
      const end = p.contractMonths === undefined ? `${Number(year) + 2}-05-31` : addMonths(today, p.contractMonths);
      save(id, {
        table: 'employments',
        kind: 'township_hired',
        establishment: i % 3 === 0 ? 'spare' : 'off',
        startDate: `${Number(year) - 3}-06-01`,
        endDate: end,
        pension: true,
        workInjury: true,
        liability: i % 4 !== 0,
      });
    }
    for (const y of [Number(year) - 1, Number(year)]) {
      for (let k = 0; k < (p.stints ?? 0); k++) {
        const from = `${y}-${k === 0 ? '03' : '09'}-0${k + 2}`;
        save(id, {
          table: 'trainings',
          kind: 'clinical_practice',
          title: '卫生院临床进修',
          place: '卫生院',
          startDate: from,
          endDate: addDays(from, 6),
          days: 7,
        });
      }
    }
    if (p.absenceDays) {
      // Ended a week before the seeding day, all in one calendar year (last year's when this year is too young).
      let to = addDays(today, -7);
      if (addDays(to, 1 - p.absenceDays).slice(0, 4) !== to.slice(0, 4)) to = `${Number(year) - 1}-12-20`;
      save(id, { table: 'leaves', kind: 'absence', startDate: addDays(to, 1 - p.absenceDays), endDate: to, reason: '未请假外出务工' });
    }
    if (p.keptAfterAbsence) {
      const from = `${Number(year) - 1}-05-04`;
      save(id, {
        table: 'leaves',
        kind: 'absence',
        startDate: from,
        endDate: addDays(from, p.keptAfterAbsence.days - 1),
        reason: '家中有事，未请假',
      });
      recordExitDecision(ctx, {
        personId: id,
        rule: 'S11-absence',
        triggerYear: Number(year) - 1,
        decidedOn: `${Number(year) - 1}-06-20`,
        reason: p.keptAfterAbsence.reason,
      });
    }
    n++;
  });
  return n;
}
