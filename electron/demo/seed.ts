/**
 * The demo township: a realistic center with 18 villages and 14 clinics covering every kind of
 * coverage (C1, C4), one 空白点 left by a closed clinic, and the staffing norm (S1) at work.
 * `scale` repeats the township N times with numbered names, for the benchmark and for later
 * modules' test data. Deterministic: the same scale always gives the same data.
 */
import { clinicInput } from '../../shared/schemas/clinics';
import { villageInput } from '../../shared/schemas/villages';
import type { ServiceContext } from '../db/context';
import { insertClinic } from '../domains/clinics/service';
import { seedDemoAccount } from './seedAccount';
import { seedDemoAssets } from './seedAssets';
import { seedDemoDrugs } from './seedDrugs';
import { seedDemoUse } from './seedUse';
import { seedDemoPeople } from './seedPeople';
import { seedDemoTemplatesAndLetters } from './seedSupervision';
import { seedDemoVisits } from './seedVisits';
import { seedDemoRequisitions } from './seedRequisitions';
import { seedDemoDelivery } from './seedDelivery';
import { refreshClinics, refreshVillages } from '../domains/clinics/figures';
import { writeSettingsRaw } from '../domains/settings/service';
import { insertVillage } from '../domains/villages/service';

interface DemoVillage {
  name: string;
  resident: number;
  service: number;
  km: number;
  seat?: boolean;
  alt?: 'patrol' | 'dispatch';
  visits?: number;
  note?: string;
}

const villages: DemoVillage[] = [
  { name: '河阳村', resident: 3420, service: 3200, km: 0, seat: true, note: '卫生院所在地' },
  { name: '张庄村', resident: 2230, service: 2100, km: 3.5 },
  { name: '李营村', resident: 1580, service: 1500, km: 5.2 },
  { name: '王屯村', resident: 1010, service: 980, km: 6.8 },
  { name: '赵坡村', resident: 1260, service: 1200, km: 4.1 },
  { name: '刘湾村', resident: 2750, service: 2600, km: 8.6, note: '大村，设两个卫生室' },
  { name: '陈家村', resident: 730, service: 700, km: 9.3 },
  { name: '杨家村', resident: 690, service: 650, km: 10.1 },
  { name: '孙楼村', resident: 1890, service: 1800, km: 7.4 },
  { name: '周寨村', resident: 940, service: 900, km: 11.2 },
  { name: '吴岗村', resident: 1150, service: 1100, km: 12.5 },
  { name: '郑店村', resident: 1370, service: 1300, km: 6.0 },
  { name: '冯庄村', resident: 1660, service: 1600, km: 4.8 },
  { name: '褚河村', resident: 430, service: 400, km: 13.0, note: '由周寨村卫生室延伸服务' },
  { name: '卫岭村', resident: 560, service: 520, km: 15.6, alt: 'patrol', visits: 4, note: '山区，卫生院每周巡诊' },
  { name: '蒋沟村', resident: 640, service: 600, km: 14.2, alt: 'dispatch', note: '卫生院派驻医生' },
  { name: '沈洼村', resident: 480, service: 450, km: 16.8, note: '原卫生室村医退休后撤销，待覆盖' },
  { name: '韩坪村', resident: 1050, service: 1000, km: 9.9 },
];

interface DemoClinic {
  code: string;
  name: string;
  hosts: string[];
  ext?: string[];
  head: string;
  area: number;
  insurance: boolean;
  closed?: { on: string; reason: string };
}

const clinics: DemoClinic[] = [
  { code: '01', name: '张庄村卫生室', hosts: ['张庄村'], head: '张建国', area: 120, insurance: true },
  { code: '02', name: '李营村卫生室', hosts: ['李营村'], head: '李秀英', area: 95, insurance: true },
  { code: '03', name: '王屯村卫生室', hosts: ['王屯村'], head: '王志强', area: 80, insurance: false },
  { code: '04', name: '赵坡村卫生室', hosts: ['赵坡村'], head: '赵红梅', area: 88, insurance: true },
  { code: '05', name: '刘湾村第一卫生室', hosts: ['刘湾村'], head: '刘德顺', area: 130, insurance: true },
  { code: '06', name: '刘湾村第二卫生室', hosts: ['刘湾村'], head: '刘桂兰', area: 70, insurance: false },
  { code: '07', name: '陈杨联合卫生室', hosts: ['陈家村', '杨家村'], head: '陈立新', area: 110, insurance: true },
  { code: '08', name: '孙楼村卫生室', hosts: ['孙楼村'], head: '孙海燕', area: 100, insurance: true },
  { code: '09', name: '周寨村卫生室', hosts: ['周寨村'], ext: ['褚河村'], head: '周明', area: 85, insurance: true },
  { code: '10', name: '吴岗村卫生室', hosts: ['吴岗村'], head: '吴春生', area: 90, insurance: false },
  { code: '11', name: '郑店村卫生室', hosts: ['郑店村'], head: '郑丽', area: 92, insurance: true },
  { code: '12', name: '冯庄村卫生室', hosts: ['冯庄村'], head: '冯国庆', area: 105, insurance: true },
  { code: '13', name: '韩坪村卫生室', hosts: ['韩坪村'], head: '韩志刚', area: 86, insurance: true },
  {
    code: '14',
    name: '沈洼村卫生室',
    hosts: ['沈洼村'],
    head: '沈老汉',
    area: 60,
    insurance: false,
    closed: { on: '2025-12-31', reason: '村医退休，暂无人接任' },
  },
];

const DEMO_CENTER = { centerName: '河阳镇中心卫生院', county: '河阳县' };

export function seedDemo(
  ctx: ServiceContext,
  opts: { scale: number },
): { villages: number; clinics: number; people: number; assets: number } {
  const scale = Math.max(1, Math.floor(opts.scale));
  return ctx.db
    .transaction(() => {
      writeSettingsRaw(ctx.db, { ...DEMO_CENTER, operatorName: '刘晓梅', reviewerName: '王建华', directorName: '张卫东' });
      let nv = 0;
      let nc = 0;
      let np = 0;
      let na = 0;
      for (let copy = 0; copy < scale; copy++) {
        const suffix = copy === 0 ? '' : `（${copy + 1}）`;
        const ids = new Map<string, number>();
        const clinicIds = new Map<string, number>();
        for (const v of villages) {
          const values = villageInput.parse({
            name: v.name + suffix,
            residentPopulation: v.resident,
            servicePopulation: v.service,
            // Only the first copy holds the center seat: a township has one.
            isCenterSeat: Boolean(v.seat) && copy === 0,
            distanceKm: v.km,
            altCoverage: v.alt ?? 'none',
            patrolVisitsPerMonth: v.visits ?? 0,
            note: v.note ?? '',
          });
          ids.set(v.name, insertVillage(ctx, values));
          nv++;
        }
        for (const c of clinics) {
          const values = clinicInput.parse({
            code: `HY${String(copy + 1).padStart(3, '0')}-${c.code}`,
            name: c.name + suffix,
            address: `河阳县河阳镇${c.hosts[0] ?? ''}`,
            property: 'public',
            buildingArea: c.area,
            insurancePoint: c.insurance,
            headName: c.head,
            hostVillageIds: c.hosts.map((h) => ids.get(h)),
            extensionVillageIds: (c.ext ?? []).map((h) => ids.get(h)),
            note: '',
          });
          const id = insertClinic(ctx, values);
          clinicIds.set(c.code, id);
          if (c.closed) {
            ctx.db
              .prepare(`UPDATE clinics SET status = 'closed', closed_on = ?, closed_reason = ? WHERE id = ?`)
              .run(c.closed.on, c.closed.reason, id);
          }
          nc++;
        }
        np += seedDemoPeople(ctx, clinicIds, copy);
        na += seedDemoAssets(ctx, clinicIds, copy);
      }
      // Closing bypassed the service above (no "now" in the past), so settle derived figures once.
      refreshAll(ctx);
      seedDemoDrugs(ctx);
      seedDemoRequisitions(ctx);
      seedDemoDelivery(ctx);
      seedDemoUse(ctx);
      seedDemoTemplatesAndLetters(ctx);
      seedDemoVisits(ctx);
      seedDemoAccount(ctx);
      return { villages: nv, clinics: nc, people: np, assets: na };
    })
    .immediate();
}

function refreshAll(ctx: ServiceContext): void {
  refreshClinics(ctx.db, 'all');
  refreshVillages(ctx.db, 'all');
}

/**
 * A demo made by an older version gains what later modules seed (the assets from schema 4 on,
 * its administrator from schema 7 on), so the demo always shows every page and opens signed
 * in; the demo's clinics are found by their demo codes.
 */
export function seedDemoAdditions(ctx: ServiceContext, migratedFrom: number): void {
  ctx.db.transaction(() => seedDemoAccount(ctx)).immediate();
  // The drug catalog from schema 9 on (seedDemoDrugs does nothing where drugs exist).
  if (migratedFrom > 0 && migratedFrom < 9) ctx.db.transaction(() => seedDemoDrugs(ctx)).immediate();
  // The default 考核细则 and this year's letters from schema 10 on (idempotent).
  if (migratedFrom > 0 && migratedFrom < 10) ctx.db.transaction(() => seedDemoTemplatesAndLetters(ctx)).immediate();
  if (migratedFrom === 0 || migratedFrom >= 4) return;
  if (Number(ctx.db.prepare('SELECT count(*) FROM assets').pluck().get()) > 0) return;
  const rows = ctx.db.prepare("SELECT id, code FROM clinics WHERE code LIKE 'HY001-%'").all() as { id: number; code: string }[];
  const clinicIds = new Map(rows.map((r) => [r.code.slice('HY001-'.length), r.id]));
  ctx.db.transaction(() => seedDemoAssets(ctx, clinicIds, 0)).immediate();
}
