import type { z } from 'zod';
import { clinicInput, type ClinicDetail, type ClinicRow } from '../../../shared/schemas/clinics';
import type { ListQueryParsed, Page } from '../../../shared/schemas/common';
import type { ServiceContext } from '../../db/context';
import { AppError, notFound } from '../../db/errors';
import { audit } from '../../db/audit';
import { runList, type ListSource } from '../../db/listQuery';
import type { Db } from '../../db/open';
import { todayIso } from '../../../shared/format';
import { clinicDoctorCountSql, clinicHeadSql } from '../people/sql';
import { clinicIdsOfVillages, refreshClinics, refreshVillages, villageIdsOfClinic } from './figures';

type ClinicValues = z.output<typeof clinicInput>;

const villageNamesSql = `(SELECT group_concat(v.name || CASE cv.relation WHEN 'extension' THEN '（延伸）' ELSE '' END, '、')
   FROM clinic_villages cv JOIN villages v ON v.id = cv.village_id WHERE cv.clinic_id = c.id)`;
const villageCountSql = '(SELECT count(*) FROM clinic_villages cv WHERE cv.clinic_id = c.id)';

export const clinicSource: ListSource = {
  from: 'clinics c',
  defaultOrder: 'c.id',
  columns: {
    code: { sql: 'c.code', type: 'text', searchable: true },
    name: { sql: 'c.name', type: 'text', searchable: true },
    address: { sql: 'c.address', type: 'text', searchable: true },
    property: { sql: 'c.property', type: 'enum' },
    buildingArea: { sql: 'c.building_area', type: 'number' },
    insurancePoint: { sql: 'c.insurance_point', type: 'bool' },
    // C2: the head recorded in the people module wins over the free text typed before it existed.
    headName: { sql: `coalesce(${clinicHeadSql('c.id')}, c.head_name)`, type: 'text', searchable: true },
    actualDoctors: { sql: clinicDoctorCountSql('c.id'), type: 'number' },
    status: { sql: 'c.status', type: 'enum' },
    closedOn: { sql: 'c.closed_on', type: 'date' },
    villageNames: { sql: villageNamesSql, type: 'text', searchable: true },
    villageCount: { sql: villageCountSql, type: 'number' },
    servicePopulation: { sql: 'c.service_population', type: 'number' },
    requiredDoctors: { sql: 'c.required_doctors', type: 'number' },
    note: { sql: 'c.note', type: 'text', searchable: true },
    updatedAt: { sql: 'c.updated_at', type: 'date' },
  },
};

export const clinicSelect = `c.*, coalesce(${villageNamesSql}, '') AS village_names, ${villageCountSql} AS village_count,
  ${clinicHeadSql('c.id')} AS current_head, ${clinicDoctorCountSql('c.id')} AS actual_doctors`;

/** The clinic list's figures are as of today (who heads it, how many doctors it has now). */
export function clinicParams(ctx: ServiceContext): { asOf: string } {
  return { asOf: todayIso(ctx.now()) };
}

export function mapClinic(r: Record<string, unknown>): ClinicRow {
  return {
    id: Number(r.id),
    code: r.code === null ? '' : String(r.code),
    name: String(r.name),
    address: String(r.address),
    property: r.property as ClinicRow['property'],
    buildingArea: Number(r.building_area),
    insurancePoint: r.insurance_point === 1,
    headName: String(r.current_head ?? r.head_name),
    headTyped: String(r.head_name),
    actualDoctors: Number(r.actual_doctors ?? 0),
    status: r.status as ClinicRow['status'],
    closedOn: (r.closed_on as string | null) ?? null,
    closedReason: String(r.closed_reason),
    note: String(r.note),
    villageNames: String(r.village_names ?? ''),
    villageCount: Number(r.village_count),
    servicePopulation: Number(r.service_population),
    requiredDoctors: Number(r.required_doctors),
    updatedAt: String(r.updated_at),
  };
}

export function listClinics(ctx: ServiceContext, q: ListQueryParsed): Page<ClinicRow> {
  return runList(ctx.db, clinicSource, clinicSelect, q, mapClinic, clinicParams(ctx));
}

export function getClinic(ctx: ServiceContext, id: number): ClinicDetail {
  const r = ctx.db.prepare(`SELECT ${clinicSelect} FROM clinics c WHERE c.id = @id`).get({ id, ...clinicParams(ctx) }) as
    Record<string, unknown> | undefined;
  if (!r) throw notFound('村卫生室');
  const links = ctx.db.prepare('SELECT village_id, relation FROM clinic_villages WHERE clinic_id = ? ORDER BY village_id').all(id) as {
    village_id: number;
    relation: string;
  }[];
  return {
    ...mapClinic(r),
    hostVillageIds: links.filter((l) => l.relation === 'host').map((l) => l.village_id),
    extensionVillageIds: links.filter((l) => l.relation === 'extension').map((l) => l.village_id),
  };
}

/** An empty 机构编码 is stored as NULL: many clinics may lack one, each given code is unique. */
function storedCode(code: string): string | null {
  return code === '' ? null : code;
}

function assertCodeFree(db: Db, code: string, exceptId?: number): void {
  if (code === '') return;
  const other = db
    .prepare('SELECT name FROM clinics WHERE code = ? AND id IS NOT ?')
    .pluck()
    .get(code, exceptId ?? null);
  if (other) {
    throw new AppError('CONFLICT', `机构编码“${code}”已被“${String(other)}”使用，编码不能重复`, {
      field: 'code',
      fields: { code: '编码已被使用' },
    });
  }
}

function assertVillagesExist(db: Db, ids: number[], field: string): void {
  const exists = db.prepare('SELECT 1 FROM villages WHERE id = ?').pluck();
  for (const id of ids) {
    if (!exists.get(id)) throw new AppError('VALIDATION', '所选的村不存在，请刷新后重选', { field, fields: { [field]: '所选的村不存在' } });
  }
}

function writeLinks(db: Db, clinicId: number, v: ClinicValues): void {
  assertVillagesExist(db, v.hostVillageIds, 'hostVillageIds');
  assertVillagesExist(db, v.extensionVillageIds, 'extensionVillageIds');
  db.prepare('DELETE FROM clinic_villages WHERE clinic_id = ?').run(clinicId);
  const link = db.prepare('INSERT INTO clinic_villages (clinic_id, village_id, relation) VALUES (?, ?, ?)');
  for (const vid of new Set(v.hostVillageIds)) link.run(clinicId, vid, 'host');
  for (const vid of new Set(v.extensionVillageIds)) link.run(clinicId, vid, 'extension');
}

/** Villages whose coverage can change when this clinic changes: its old and new villages. */
function refreshAround(db: Db, clinicId: number, before: number[]): void {
  const villages = [...before, ...villageIdsOfClinic(db, clinicId)];
  // Clinics sharing a village share its population, so they change together.
  refreshClinics(db, [clinicId, ...clinicIdsOfVillages(db, villages)]);
  refreshVillages(db, villages);
}

/** Inserts inside the caller's transaction; used by the service, the importer and the demo. */
export function insertClinic(ctx: ServiceContext, v: ClinicValues): number {
  assertCodeFree(ctx.db, v.code);
  const at = ctx.now().toISOString();
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO clinics (code, name, address, property, building_area, insurance_point, head_name, status, note,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(storedCode(v.code), v.name, v.address, v.property, v.buildingArea, v.insurancePoint ? 1 : 0, v.headName, v.note, at, at)
      .lastInsertRowid,
  );
  writeLinks(ctx.db, id, v);
  refreshAround(ctx.db, id, []);
  audit(ctx, { action: 'create', entity: 'clinic', entityId: id, summary: `新增村卫生室：${v.name}`, after: v });
  return id;
}

export function createClinic(ctx: ServiceContext, v: ClinicValues): ClinicDetail {
  const id = ctx.db.transaction(() => insertClinic(ctx, v)).immediate();
  return getClinic(ctx, id);
}

export function updateClinic(ctx: ServiceContext, id: number, v: ClinicValues): ClinicDetail {
  ctx.db
    .transaction(() => {
      const before = getClinic(ctx, id);
      assertCodeFree(ctx.db, v.code, id);
      ctx.db
        .prepare(
          `UPDATE clinics SET code = ?, name = ?, address = ?, property = ?, building_area = ?, insurance_point = ?,
           head_name = ?, note = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          storedCode(v.code),
          v.name,
          v.address,
          v.property,
          v.buildingArea,
          v.insurancePoint ? 1 : 0,
          v.headName,
          v.note,
          ctx.now().toISOString(),
          id,
        );
      writeLinks(ctx.db, id, v);
      refreshAround(ctx.db, id, [...before.hostVillageIds, ...before.extensionVillageIds]);
      audit(ctx, { action: 'update', entity: 'clinic', entityId: id, summary: `修改村卫生室：${v.name}`, before, after: v });
    })
    .immediate();
  return getClinic(ctx, id);
}

/** A clinic with history is never deleted: it is closed with a date and a reason. */
export function closeClinic(ctx: ServiceContext, id: number, closedOn: string, reason: string): ClinicDetail {
  ctx.db
    .transaction(() => {
      const before = getClinic(ctx, id);
      if (before.status === 'closed') throw new AppError('CONFLICT', `“${before.name}”已于 ${before.closedOn ?? ''} 撤销`);
      // A3: a clinic's assets must not be left behind unseen when it closes.
      const held = Number(
        ctx.db.prepare("SELECT count(*) FROM assets WHERE holder_clinic_id = ? AND status NOT IN ('disposed', 'void')").pluck().get(id),
      );
      if (held > 0) {
        throw new AppError(
          'CONFLICT',
          `“${before.name}”还有 ${held} 项固定资产在账。请先在“固定资产”中把它们调拨到卫生院本部或其他卫生室（或办理处置），再撤销卫生室`,
        );
      }
      ctx.db
        .prepare(`UPDATE clinics SET status = 'closed', closed_on = ?, closed_reason = ?, updated_at = ? WHERE id = ?`)
        .run(closedOn, reason, ctx.now().toISOString(), id);
      refreshAround(ctx.db, id, []);
      audit(ctx, { action: 'close', entity: 'clinic', entityId: id, summary: `撤销村卫生室：${before.name}（${reason}）`, before });
    })
    .immediate();
  return getClinic(ctx, id);
}

export function reopenClinic(ctx: ServiceContext, id: number): ClinicDetail {
  ctx.db
    .transaction(() => {
      const before = getClinic(ctx, id);
      if (before.status === 'open') throw new AppError('CONFLICT', `“${before.name}”正在运行，无需恢复`);
      ctx.db
        .prepare(`UPDATE clinics SET status = 'open', closed_on = NULL, closed_reason = '', updated_at = ? WHERE id = ?`)
        .run(ctx.now().toISOString(), id);
      refreshAround(ctx.db, id, []);
      audit(ctx, { action: 'reopen', entity: 'clinic', entityId: id, summary: `恢复村卫生室：${before.name}`, before });
    })
    .immediate();
  return getClinic(ctx, id);
}

/** Every clinic for pickers: open ones first, then by code. */
export function clinicOptions(db: Db): { id: number; name: string; status: string }[] {
  return db.prepare('SELECT id, name, status FROM clinics ORDER BY status DESC, code IS NULL, code, id').all() as {
    id: number;
    name: string;
    status: string;
  }[];
}

/** A clinic as the import compares it: its values shaped as the import row's input. */
export function clinicForImport(db: Db, id: number): { id: number; input: Record<string, unknown> } | null {
  const r = db
    .prepare(
      "SELECT id, coalesce(code, '') AS code, name, address, property, building_area, insurance_point, head_name, note FROM clinics WHERE id = ?",
    )
    .get(id) as Record<string, unknown> | undefined;
  if (!r) return null;
  const links = db.prepare('SELECT village_id, relation FROM clinic_villages WHERE clinic_id = ? ORDER BY village_id').all(id) as {
    village_id: number;
    relation: string;
  }[];
  return {
    id,
    input: {
      code: r.code,
      name: r.name,
      address: r.address,
      property: r.property,
      buildingArea: r.building_area,
      insurancePoint: r.insurance_point === 1,
      headName: r.head_name,
      hostVillageIds: links.filter((l) => l.relation === 'host').map((l) => l.village_id),
      extensionVillageIds: links.filter((l) => l.relation === 'extension').map((l) => l.village_id),
      note: r.note,
    },
  };
}
