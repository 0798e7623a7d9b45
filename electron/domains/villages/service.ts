import type { ListQueryParsed, Page } from '../../../shared/schemas/common';
import { villageInput, type VillageRow } from '../../../shared/schemas/villages';
import type { z } from 'zod';
import type { ServiceContext } from '../../db/context';
import { AppError, notFound } from '../../db/errors';
import { audit } from '../../db/audit';
import { runList, type ListSource } from '../../db/listQuery';
import type { Db } from '../../db/open';
import { clinicIdsOfVillages, refreshClinics, refreshVillages } from '../clinics/figures';

type VillageValues = z.output<typeof villageInput>;

const clinicNamesSql = `(SELECT group_concat(c.name, '、') FROM clinic_villages cv JOIN clinics c ON c.id = cv.clinic_id
   WHERE cv.village_id = v.id AND c.status = 'open')`;

export const villageSource: ListSource = {
  from: 'villages v',
  defaultOrder: 'v.id',
  columns: {
    name: { sql: 'v.name', type: 'text', searchable: true },
    residentPopulation: { sql: 'v.resident_population', type: 'number' },
    servicePopulation: { sql: 'v.service_population', type: 'number' },
    isCenterSeat: { sql: 'v.is_center_seat', type: 'bool' },
    distanceKm: { sql: 'v.distance_km', type: 'number' },
    altCoverage: { sql: 'v.alt_coverage', type: 'enum' },
    patrolVisitsPerMonth: { sql: 'v.patrol_visits_per_month', type: 'number' },
    coverageKind: { sql: 'v.coverage_kind', type: 'enum' },
    needsOwnClinic: { sql: 'v.needs_own_clinic', type: 'bool' },
    clinicNames: { sql: clinicNamesSql, type: 'text', searchable: true },
    note: { sql: 'v.note', type: 'text', searchable: true },
    updatedAt: { sql: 'v.updated_at', type: 'date' },
  },
};

export const villageSelect = `v.id, v.name, v.resident_population, v.service_population, v.is_center_seat,
  v.distance_km, v.alt_coverage, v.patrol_visits_per_month, v.note, v.coverage_kind, v.needs_own_clinic,
  v.updated_at, coalesce(${clinicNamesSql}, '') AS clinic_names`;

export function mapVillage(r: Record<string, unknown>): VillageRow {
  return {
    id: Number(r.id),
    name: String(r.name),
    residentPopulation: Number(r.resident_population),
    servicePopulation: Number(r.service_population),
    isCenterSeat: r.is_center_seat === 1,
    distanceKm: Number(r.distance_km),
    altCoverage: r.alt_coverage as VillageRow['altCoverage'],
    patrolVisitsPerMonth: Number(r.patrol_visits_per_month),
    note: String(r.note),
    coverageKind: r.coverage_kind as VillageRow['coverageKind'],
    needsOwnClinic: r.needs_own_clinic === 1,
    clinicNames: String(r.clinic_names ?? ''),
    updatedAt: String(r.updated_at),
  };
}

export function listVillages(ctx: ServiceContext, q: ListQueryParsed): Page<VillageRow> {
  return runList(ctx.db, villageSource, villageSelect, q, mapVillage);
}

export function allVillageNames(ctx: ServiceContext): { id: number; name: string }[] {
  return ctx.db.prepare('SELECT id, name FROM villages ORDER BY name').all() as { id: number; name: string }[];
}

export function getVillage(ctx: ServiceContext, id: number): VillageRow {
  const r = ctx.db.prepare(`SELECT ${villageSelect} FROM villages v WHERE v.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!r) throw notFound('行政村');
  return mapVillage(r);
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = db.prepare('SELECT id FROM villages WHERE name = ? AND id IS NOT ?').get(name, exceptId ?? null);
  if (other) throw new AppError('CONFLICT', `已有名为“${name}”的行政村，村名不能重复`, { field: 'name', fields: { name: '村名已存在' } });
}

/** Only one village can be the center's seat (C1). */
function assertSingleSeat(db: Db, v: VillageValues, exceptId?: number): void {
  if (!v.isCenterSeat) return;
  const seat = db
    .prepare('SELECT name FROM villages WHERE is_center_seat = 1 AND id IS NOT ?')
    .pluck()
    .get(exceptId ?? null);
  if (seat) {
    throw new AppError('CONFLICT', `卫生院驻地已设为“${String(seat)}”，请先取消该村的驻地标记`, {
      field: 'isCenterSeat',
      fields: { isCenterSeat: '卫生院驻地只能有一个村' },
    });
  }
}

function columnsOf(v: VillageValues) {
  return [
    v.name,
    v.residentPopulation,
    v.servicePopulation,
    v.isCenterSeat ? 1 : 0,
    v.distanceKm,
    v.altCoverage,
    v.patrolVisitsPerMonth,
    v.note,
  ];
}

/** Inserts inside the caller's transaction; used by the service, the importer and the demo. */
export function insertVillage(ctx: ServiceContext, v: VillageValues): number {
  assertNameFree(ctx.db, v.name);
  assertSingleSeat(ctx.db, v);
  const at = ctx.now().toISOString();
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km,
           alt_coverage, patrol_visits_per_month, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...columnsOf(v), at, at).lastInsertRowid,
  );
  refreshVillages(ctx.db, [id]);
  audit(ctx, { action: 'create', entity: 'village', entityId: id, summary: `新增行政村：${v.name}`, after: v });
  return id;
}

export function createVillage(ctx: ServiceContext, v: VillageValues): VillageRow {
  const id = ctx.db.transaction(() => insertVillage(ctx, v)).immediate();
  return getVillage(ctx, id);
}

export function updateVillage(ctx: ServiceContext, id: number, v: VillageValues): VillageRow {
  ctx.db
    .transaction(() => {
      const before = getVillage(ctx, id);
      assertNameFree(ctx.db, v.name, id);
      assertSingleSeat(ctx.db, v, id);
      ctx.db
        .prepare(
          `UPDATE villages SET name = ?, resident_population = ?, service_population = ?, is_center_seat = ?,
           distance_km = ?, alt_coverage = ?, patrol_visits_per_month = ?, note = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...columnsOf(v), ctx.now().toISOString(), id);
      refreshVillages(ctx.db, [id]);
      refreshClinics(ctx.db, clinicIdsOfVillages(ctx.db, [id]));
      audit(ctx, { action: 'update', entity: 'village', entityId: id, summary: `修改行政村：${v.name}`, before, after: v });
    })
    .immediate();
  return getVillage(ctx, id);
}
