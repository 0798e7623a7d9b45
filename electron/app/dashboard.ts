import { coverageKinds } from '../../shared/rules/coverage';
import type { Dashboard } from '../../shared/schemas/app';
import type { ServiceContext } from '../db/context';

/** The home page's figures: counts, 空白点 (C1), clinics serving no village, C1 hints. */
export function getDashboard(ctx: ServiceContext): Dashboard {
  const db = ctx.db;
  const byCoverage: Record<string, number> = Object.fromEntries(coverageKinds.map((k) => [k, 0]));
  for (const r of db.prepare('SELECT coverage_kind AS k, count(*) AS n FROM villages GROUP BY coverage_kind').all() as {
    k: string;
    n: number;
  }[]) {
    byCoverage[r.k] = r.n;
  }
  const open = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(service_population),0) AS pop, coalesce(sum(required_doctors),0) AS req
     FROM clinics WHERE status = 'open'`,
    )
    .get() as { n: number; pop: number; req: number };
  return {
    villageCount: Number(db.prepare('SELECT count(*) FROM villages').pluck().get()),
    clinicCount: open.n,
    closedClinicCount: Number(db.prepare(`SELECT count(*) FROM clinics WHERE status = 'closed'`).pluck().get()),
    servicePopulation: Number(db.prepare('SELECT coalesce(sum(service_population),0) FROM villages').pluck().get()),
    requiredDoctors: open.req,
    byCoverage,
    blankVillages: db
      .prepare(`SELECT id, name, service_population AS servicePopulation FROM villages WHERE coverage_kind = 'none' ORDER BY name`)
      .all() as Dashboard['blankVillages'],
    clinicsWithoutVillage: db
      .prepare(
        `SELECT id, name, coalesce(code, '') AS code FROM clinics c WHERE status = 'open'
                AND NOT EXISTS (SELECT 1 FROM clinic_villages cv WHERE cv.clinic_id = c.id) ORDER BY code IS NULL, code, id`,
      )
      .all() as Dashboard['clinicsWithoutVillage'],
    villagesNeedingClinic: db
      .prepare(
        `SELECT id, name, service_population AS servicePopulation FROM villages
                WHERE needs_own_clinic = 1 AND coverage_kind <> 'none' ORDER BY name`,
      )
      .all() as Dashboard['villagesNeedingClinic'],
  };
}
