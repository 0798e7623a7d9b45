/**
 * Keeps the registry's derived columns true: each village's coverage kind (rule C1) and each
 * clinic's service population (C4) and required doctor count (S1). Every write that can change
 * them calls these inside its own transaction, with the ids it touched.
 */
import { classifyCoverage, shouldHaveOwnClinic } from '../../../shared/rules/coverage';
import { requiredDoctors } from '../../../shared/rules/staffing';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/service';

export function refreshVillages(db: Db, ids: readonly number[] | 'all'): void {
  const settings = readSettings(db);
  const villageIds = ids === 'all' ? (db.prepare('SELECT id FROM villages').pluck().all() as number[]) : [...new Set(ids)];
  const village = db.prepare('SELECT is_center_seat, alt_coverage, patrol_visits_per_month, service_population FROM villages WHERE id = ?');
  const hosts = db.prepare(`
    SELECT (SELECT count(*) FROM clinic_villages h WHERE h.clinic_id = c.id AND h.relation = 'host') AS hosted
    FROM clinic_villages cv JOIN clinics c ON c.id = cv.clinic_id
    WHERE cv.village_id = ? AND cv.relation = 'host' AND c.status = 'open'`);
  const extensions = db.prepare(`
    SELECT count(*) FROM clinic_villages cv JOIN clinics c ON c.id = cv.clinic_id
    WHERE cv.village_id = ? AND cv.relation = 'extension' AND c.status = 'open'`);
  const update = db.prepare('UPDATE villages SET coverage_kind = ?, needs_own_clinic = ? WHERE id = ?');
  for (const id of villageIds) {
    const v = village.get(id) as
      | {
          is_center_seat: number;
          alt_coverage: 'none' | 'patrol' | 'dispatch';
          patrol_visits_per_month: number;
          service_population: number;
        }
      | undefined;
    if (!v) continue;
    const kind = classifyCoverage({
      isCenterSeat: v.is_center_seat === 1,
      hostClinics: (hosts.all(id) as { hosted: number }[]).map((h) => ({ hostedVillageCount: h.hosted })),
      extensionClinicCount: Number(extensions.pluck().get(id)),
      altCoverage: v.alt_coverage,
      patrolVisitsPerMonth: v.patrol_visits_per_month,
    });
    const needs = shouldHaveOwnClinic(kind, v.service_population, settings.c1SmallVillagePopulation);
    update.run(kind, needs ? 1 : 0, id);
  }
}

/**
 * A clinic's service population is the sum of its villages' (C4); a village served by several
 * open clinics is shared among them evenly (each share rounded to a whole person), so a
 * village is not counted twice; the shares of one village may differ from its total by rounding.
 * A closed clinic serves nobody and needs no doctor.
 */
export function refreshClinics(db: Db, ids: readonly number[] | 'all'): void {
  const { staffingPopulationPerDoctor } = readSettings(db);
  const clinicIds = ids === 'all' ? (db.prepare('SELECT id FROM clinics').pluck().all() as number[]) : [...new Set(ids)];
  const status = db.prepare('SELECT status FROM clinics WHERE id = ?').pluck();
  const shares = db.prepare(
    `SELECT v.service_population AS population,
       (SELECT count(*) FROM clinic_villages o JOIN clinics oc ON oc.id = o.clinic_id
        WHERE o.village_id = v.id AND oc.status = 'open') AS openServers
     FROM clinic_villages cv JOIN villages v ON v.id = cv.village_id WHERE cv.clinic_id = ?`,
  );
  const update = db.prepare('UPDATE clinics SET service_population = ?, required_doctors = ? WHERE id = ?');
  for (const id of clinicIds) {
    if (status.get(id) !== 'open') {
      update.run(0, 0, id);
      continue;
    }
    const figures = clinicFigures(shares.all(id) as VillageShare[], staffingPopulationPerDoctor);
    update.run(figures.servicePopulation, figures.requiredDoctors, id);
  }
}

/** One village a clinic serves: its service population and how many open clinics serve it. */
export interface VillageShare {
  population: number;
  openServers: number;
}

/**
 * C4 and S1 for one open clinic, from its villages: the sum of each village's population divided
 * among the open clinics serving it, rounded to a whole person once at the end, and the doctors
 * that population requires. The stored figures and the clinic form's preview both come from here.
 */
export function clinicFigures(
  villages: readonly VillageShare[],
  populationPerDoctor: number,
): { servicePopulation: number; requiredDoctors: number } {
  const exact = villages.reduce((sum, v) => sum + v.population / Math.max(1, v.openServers), 0);
  const servicePopulation = Math.round(exact);
  return { servicePopulation, requiredDoctors: requiredDoctors(servicePopulation, populationPerDoctor) };
}

/** Every clinic that serves any of these villages. */
export function clinicIdsOfVillages(db: Db, villageIds: readonly number[]): number[] {
  const stmt = db.prepare('SELECT clinic_id FROM clinic_villages WHERE village_id = ?').pluck();
  return [...new Set(villageIds.flatMap((v) => stmt.all(v) as number[]))];
}

export function villageIdsOfClinic(db: Db, clinicId: number): number[] {
  return db.prepare('SELECT village_id FROM clinic_villages WHERE clinic_id = ?').pluck().all(clinicId) as number[];
}
