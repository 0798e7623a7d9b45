/**
 * Helpers for the asset module's tests: a small township with clinics made through the real
 * dispatcher, and asset inputs in 元 for readability (stored in 分).
 */
import type { Input, Output } from '../../shared/contract';
import type { Session } from '../../electron/app/session';
import { call } from './calls';
import { addClinic } from './people';

export type AssetIn = Input<'assets.create'>;
export type Asset = Output<'assets.get'>;

export function assetIn(over: Partial<AssetIn> = {}): AssetIn {
  return {
    name: '心电图机',
    category: 'medical',
    model: 'ECG-1200',
    funding: 'fiscal',
    acquiredOn: '2024-03-10',
    valueFen: 1_200_000,
    ...over,
  };
}

/** Two clinics (张庄 01, 李营 02); returns their ids. */
export async function twoClinics(s: Session): Promise<{ zhang: number; li: number }> {
  return { zhang: await addClinic(s, '张庄', 1500, '01'), li: await addClinic(s, '李营', 900, '02') };
}

export async function addAsset(s: Session, over: Partial<AssetIn> = {}): Promise<Asset> {
  return call(s, 'assets.create', assetIn(over));
}

export async function ledger(s: Session, asOf: string): Promise<Output<'assets.list'>['rows']> {
  return (await call(s, 'assets.list', { asOf, limit: 1000 })).rows;
}
