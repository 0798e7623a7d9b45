/**
 * Calling the core the way both shells do, through the real dispatcher, with typed results,
 * plus plain input builders for villages and clinics.
 */
import { expect } from 'vitest';
import type { Input, OpName, Output } from '../../shared/contract';
import type { AppErrorBody } from '../../shared/envelope';
import type { ClinicInput } from '../../shared/schemas/clinics';
import type { VillageInput } from '../../shared/schemas/villages';
import { dispatch } from '../../electron/app/dispatch';
import type { Session } from '../../electron/app/session';

/** Calls an operation that must succeed and returns its value. */
export async function call<K extends OpName>(s: Session, op: K, input: Input<K>): Promise<Output<K>> {
  const r = await dispatch(s, op, input);
  if (!r.ok) throw new Error(`${op} failed unexpectedly: ${JSON.stringify(r.error)}`);
  return r.value as Output<K>;
}

/** Calls an operation (with any input, even ill-typed) that must fail, and returns its error. */
export async function callFails(s: Session, op: string, input: unknown): Promise<AppErrorBody> {
  const r = await dispatch(s, op, input);
  if (r.ok) throw new Error(`${op} succeeded but should have failed: ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

/** A Chinese message, i.e. one containing at least one CJK character. */
export function expectChinese(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
}

/** The administrator a first run creates in the tests. */
export const FIRST_ADMIN = { adminLogin: 'zhangwei', adminName: '张伟', password: 'qingshi-2026', passwordAgain: 'qingshi-2026' } as const;

/** A first run's input: the center, and FIRST_ADMIN as its administrator. */
export function firstRunInput(centerName: string, county: string): Input<'app.firstRun'> {
  return { centerName, county, ...FIRST_ADMIN };
}

export function village(over: Partial<VillageInput> = {}): VillageInput {
  return {
    name: '测试村',
    residentPopulation: 1200,
    servicePopulation: 1000,
    isCenterSeat: false,
    distanceKm: 3,
    altCoverage: 'none',
    patrolVisitsPerMonth: 0,
    note: '',
    ...over,
  };
}

export function clinic(over: Partial<ClinicInput> = {}): ClinicInput {
  return {
    code: 'C-01',
    name: '测试村卫生室',
    address: '',
    property: 'public',
    buildingArea: 80,
    insurancePoint: true,
    headName: '张三',
    hostVillageIds: [],
    extensionVillageIds: [],
    note: '',
    ...over,
  };
}

/** Creates villages by name and population, returning their ids by name. */
export async function addVillages(s: Session, list: Record<string, number>): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [name, servicePopulation] of Object.entries(list)) {
    ids[name] = (await call(s, 'villages.create', village({ name, servicePopulation }))).id;
  }
  return ids;
}
