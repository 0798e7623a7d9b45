/**
 * What a change to a clinic's villages would do, before it is saved (issue 12, item 1): the
 * service population (C4) and required doctors (S1) of this clinic and of every open clinic
 * sharing one of its old or new villages, by the same rule the save applies (figures.ts
 * clinicFigures), from the links as they would be. Reads only.
 */
import type { z } from 'zod';
import { todayIso } from '../../../shared/format';
import type { ClinicCoveragePreview, ClinicCoverageRow, clinicCoveragePreviewInput } from '../../../shared/schemas/clinics';
import type { ServiceContext } from '../../db/context';
import { notFound } from '../../db/errors';
import { clinicDoctorCountSql } from '../people/sql';
import { readSettings } from '../settings/service';
import { clinicFigures } from './figures';

type PreviewInput = z.output<typeof clinicCoveragePreviewInput>;

interface ClinicRowDb {
  id: number;
  name: string;
  status: string;
  service_population: number;
  required_doctors: number;
  actual_doctors: number;
}

export function previewCoverage(ctx: ServiceContext, input: PreviewInput): ClinicCoveragePreview {
  const { db } = ctx;
  const { staffingPopulationPerDoctor } = readSettings(db);
  const thisId = input.id;
  const clinicSql = `SELECT id, name, status, service_population, required_doctors, ${clinicDoctorCountSql('c.id')} AS actual_doctors
    FROM clinics c WHERE c.id = @id`;
  const clinicStmt = db.prepare(clinicSql);
  const clinicOf = (id: number) => clinicStmt.get({ id, asOf: todayIso(ctx.now()) }) as ClinicRowDb | undefined;
  const self = thisId === null ? undefined : clinicOf(thisId);
  if (thisId !== null && !self) throw notFound('村卫生室');
  // A closed clinic serves nobody (figures.ts): its links count for no one, before or after.
  const selfOpen = self === undefined || self.status === 'open';

  const newVillages = [...new Set([...input.hostVillageIds, ...input.extensionVillageIds])];
  const oldVillages =
    thisId === null ? [] : (db.prepare('SELECT village_id FROM clinic_villages WHERE clinic_id = ?').pluck().all(thisId) as number[]);
  const touchedVillages = [...new Set([...oldVillages, ...newVillages])];

  // Open clinics serving each touched village now, and as they would after the change.
  const serversNow = db.prepare(
    `SELECT cv.clinic_id FROM clinic_villages cv JOIN clinics c ON c.id = cv.clinic_id WHERE cv.village_id = ? AND c.status = 'open'`,
  );
  const village = db.prepare('SELECT name, service_population FROM villages WHERE id = ?');
  const after = new Map<number, Set<number | null>>();
  const info = new Map<number, { name: string; population: number }>();
  for (const v of touchedVillages) {
    const row = village.get(v) as { name: string; service_population: number } | undefined;
    if (!row) continue; // a village deleted meanwhile: the save refuses it, naming the field
    info.set(v, { name: row.name, population: row.service_population });
    const servers = new Set<number | null>((serversNow.pluck().all(v) as number[]).filter((c) => c !== thisId));
    if (selfOpen && newVillages.includes(v)) servers.add(thisId);
    after.set(v, servers);
  }

  const others = new Set<number>();
  for (const v of touchedVillages) {
    for (const c of serversNow.pluck().all(v) as number[]) if (c !== thisId) others.add(c);
  }

  // Every village a clinic serves after the change, with the open servers of each then.
  const linksOf = db.prepare('SELECT village_id FROM clinic_villages WHERE clinic_id = ?').pluck();
  const sharesAfter = (clinicId: number | null) => {
    const villages = clinicId === thisId ? newVillages : (linksOf.all(clinicId) as number[]);
    return villages.map((v) => {
      const servers = after.get(v) ?? new Set(serversNow.pluck().all(v) as number[]);
      return { population: info.get(v)?.population ?? populationOf(v), openServers: servers.size };
    });
  };
  const populationOf = (v: number) => Number((village.get(v) as { service_population: number } | undefined)?.service_population ?? 0);
  const figuresAfter = (clinicId: number | null, open: boolean) =>
    open ? clinicFigures(sharesAfter(clinicId), staffingPopulationPerDoctor) : { servicePopulation: 0, requiredDoctors: 0 };
  const namesServed = (clinicId: number | null) =>
    touchedVillages
      .filter((v) => after.get(v)?.has(clinicId))
      .map((v) => info.get(v)?.name ?? '')
      .join('、');

  const rows: ClinicCoverageRow[] = [
    {
      clinicId: thisId,
      name: self?.name ?? '本卫生室（新增）',
      isThis: true,
      villages: namesServed(thisId),
      before: { servicePopulation: self?.service_population ?? 0, requiredDoctors: self?.required_doctors ?? 0 },
      after: figuresAfter(thisId, selfOpen),
      actualDoctors: self?.actual_doctors ?? 0,
    },
  ];
  for (const id of [...others].sort((a, b) => a - b)) {
    const c = clinicOf(id);
    if (!c) continue;
    rows.push({
      clinicId: id,
      name: c.name,
      isThis: false,
      villages: namesServed(id),
      before: { servicePopulation: c.service_population, requiredDoctors: c.required_doctors },
      after: figuresAfter(id, true),
      actualDoctors: c.actual_doctors,
    });
  }
  const villagesLeftWithoutClinic = oldVillages
    .filter((v) => (after.get(v)?.size ?? 1) === 0 && (serversNow.pluck().all(v) as number[]).length > 0)
    .map((v) => info.get(v)?.name ?? '');
  return { rows, villagesLeftWithoutClinic, populationPerDoctor: staffingPopulationPerDoctor };
}
