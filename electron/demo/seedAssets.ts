/**
 * The demo township's fixed assets (A1–A4): each open clinic's building and equipment over the
 * last ten years, and the center's own — bought, renovated, repaired, moved from the center to a
 * clinic, an old computer scrapped and replaced — plus, in the first copy, last year's closed
 * stocktake of one clinic that found a blood-pressure monitor missing (丢失待处理, awaiting a loss
 * disposal). Dates are relative to the seeding day; movements are written in date order through
 * the services' insert functions, so the cached card state is the movements' own.
 */
import { addDays, addMonths } from '../../shared/rules/dates';
import type { AssetCategory } from '../../shared/rules/assetCategories';
import { todayIso } from '../../shared/format';
import type { AssetInput } from '../../shared/schemas/assets';
import type { ServiceContext } from '../db/context';
import { stmt } from '../db/stmt';
import { isHeld, ledgerAsOf } from '../domains/assets/ledger';
import { insertMovement } from '../domains/assets/movements';
import { insertAsset } from '../domains/assets/write';

interface Item {
  name: string;
  category: AssetCategory;
  model: string;
  yuan: number;
  /** Bought this many months before the seeding day. */
  monthsAgo: number;
  unit?: string;
  quantity?: number;
  lifeMonths?: number;
  funding?: AssetInput['funding'];
  location?: string;
}

const clinicItems: Item[] = [
  { name: '心电图机', category: 'medical', model: '十二导 ECG-1200', yuan: 6_800, monthsAgo: 26, location: '诊室' },
  { name: '电脑', category: 'computer_office', model: '联想 启天 M430', yuan: 4_500, monthsAgo: 22, location: '诊室' },
  { name: '药品柜', category: 'furniture', model: '钢制 1.8 米', yuan: 2_400, monthsAgo: 70, location: '药房' },
  { name: '诊断床', category: 'furniture', model: '不锈钢', yuan: 1_600, monthsAgo: 64, location: '处置室' },
  { name: '空调', category: 'electrical', model: '格力 1.5 匹', yuan: 3_600, monthsAgo: 40, location: '诊室' },
  { name: '血压计', category: 'medical', model: '欧姆龙 HBP-1300', yuan: 1_800, monthsAgo: 30, location: '诊室' },
];

const centerItems: Item[] = [
  {
    name: '卫生院业务楼',
    category: 'building_concrete',
    model: '框架结构 3 层',
    yuan: 3_200_000,
    monthsAgo: 118,
    unit: '栋',
    location: '卫生院',
  },
  { name: '院区土地', category: 'land', model: '6.2 亩', yuan: 500_000, monthsAgo: 118, unit: '宗', location: '卫生院' },
  { name: '救护车', category: 'vehicle', model: '江铃 福特全顺', yuan: 280_000, monthsAgo: 70, unit: '辆', location: '车库' },
  {
    name: '彩色多普勒超声诊断仪',
    category: 'medical',
    model: '迈瑞 DC-40',
    yuan: 350_000,
    monthsAgo: 58,
    lifeMonths: 72,
    location: '超声室',
  },
];

function card(i: Item, acquiredOn: string, holderClinicId: number | null, custodianId: number | null, suffix: string): AssetInput {
  return {
    name: i.name,
    category: i.category,
    model: i.model,
    quantity: i.quantity ?? 1,
    unit: i.unit ?? '台',
    funding: i.funding ?? 'fiscal',
    acquiredOn,
    custodianId,
    location: i.location ?? '',
    note: suffix,
    valueFen: i.yuan * 100,
    inServiceOn: acquiredOn,
    lifeMonths: i.lifeMonths ?? null,
    holderClinicId,
  };
}

function headOf(ctx: ServiceContext, clinicId: number): number | null {
  const id = stmt(ctx.db, "SELECT person_id FROM assignments WHERE clinic_id = ? AND role = 'head' AND end_date IS NULL LIMIT 1")
    .pluck()
    .get(clinicId);
  return id === undefined ? null : Number(id);
}

/** Seeds one copy's assets; returns how many cards it opened. */
export function seedDemoAssets(ctx: ServiceContext, clinicIds: Map<string, number>, copy: number): number {
  const today = todayIso(ctx.now());
  const ago = (months: number, day = 0) => addDays(addMonths(today, -months), day);
  let n = 0;
  const open = [...clinicIds.entries()].filter(
    ([, id]) => stmt(ctx.db, 'SELECT status FROM clinics WHERE id = ?').pluck().get(id) === 'open',
  );
  for (const i of centerItems) {
    insertAsset(ctx, card(i, ago(i.monthsAgo), null, null, ''));
    n++;
  }
  open.forEach(([code, clinicId], k) => {
    const head = headOf(ctx, clinicId);
    const area = Number(stmt(ctx.db, 'SELECT building_area FROM clinics WHERE id = ?').pluck().get(clinicId) ?? 80);
    // The building: put up ten years ago or so, renovated three years ago with 24 more years to go.
    const building = insertAsset(ctx, {
      ...card(
        {
          name: '村卫生室业务用房',
          category: 'building_brick',
          model: `砖混 ${area} ㎡`,
          yuan: Math.round(area * 1_200),
          monthsAgo: 0,
          unit: '栋',
          location: '本村',
        },
        ago(110 + (k % 8) * 2),
        clinicId,
        head,
        '',
      ),
    });
    insertMovement(ctx, building, ago(36, k % 20), '标准化建设改造', {
      kind: 'value_change',
      valueFen: 2_000_000,
      lifeMonths: 110 + (k % 8) * 2 - 36 + 24 * 12,
      method: 'improvement',
      approvalNo: `河卫〔${today.slice(0, 4)}〕${10 + k}号`,
    });
    n++;
    for (const i of clinicItems) {
      const id = insertAsset(ctx, card(i, ago(i.monthsAgo + (k % 5), k % 20), clinicId, head, ''));
      n++;
      // The air conditioner went for repair last year and came back.
      if (i.category === 'electrical') {
        insertMovement(ctx, id, ago(14, k % 20), '不制冷，送修', { kind: 'status', status: 'repair' });
        insertMovement(ctx, id, ago(13, k % 20), '修复', { kind: 'status', status: 'in_use' });
      }
    }
    // The previous computer, bought eight years ago and scrapped when the new one came.
    const old = insertAsset(
      ctx,
      card(
        { name: '电脑', category: 'computer_office', model: '联想 启天 M415', yuan: 3_900, monthsAgo: 0 },
        ago(96 + (k % 5)),
        clinicId,
        head,
        '已由新电脑替换',
      ),
    );
    insertMovement(ctx, old, ago(21, k % 20), '超过使用年限，无法维修', {
      kind: 'dispose',
      fromClinicId: clinicId,
      method: 'scrap',
      approvalNo: `河卫资〔${Number(today.slice(0, 4)) - 1}〕${k + 1}号`,
      approvalDate: ago(21, (k % 20) - 3),
    });
    n++;
    // A health check-up kit bought by the center and handed to the clinic a month later.
    const kit = insertAsset(
      ctx,
      card(
        { name: '健康一体机', category: 'medical', model: '康尚 KS-H1', yuan: 18_000, monthsAgo: 0, location: '诊室' },
        ago(48),
        null,
        null,
        '公共卫生项目配发',
      ),
    );
    insertMovement(ctx, kit, ago(47, k % 20), '公卫项目配发到村', {
      kind: 'transfer',
      fromClinicId: null,
      toClinicId: clinicId,
      sentBy: '王会计',
      receivedBy: '村卫生室负责人',
    });
    n++;
    if (copy === 0 && code === '01') seedLastYearStocktake(ctx, clinicId, ago(12));
  });
  return n;
}

/** Last year's closed stocktake of one clinic: everything found but the blood-pressure monitor. */
function seedLastYearStocktake(ctx: ServiceContext, clinicId: number, on: string): void {
  const st = Number(
    stmt(
      ctx.db,
      "INSERT INTO stocktakes (title, scope, clinic_id, started_on, status, created_by) VALUES (?, 'clinic', ?, ?, 'open', '刘晓梅')",
    ).run(`${on.slice(0, 4)}年度资产盘点（张庄）`, clinicId, on).lastInsertRowid,
  );
  const assets = ledgerAsOf(ctx.db, on).filter((a) => a.holderClinicId === clinicId && isHeld(a));
  for (const a of assets) {
    const missing = a.name === '血压计';
    stmt(
      ctx.db,
      'INSERT INTO stocktake_items (stocktake_id, asset_id, holder_clinic_id, result, value_fen, book_value_fen, note, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      st,
      a.id,
      clinicId,
      missing ? 'missing' : 'found',
      a.valueFen,
      a.bookValueFen,
      missing ? '未找到，村医称借给村委会后未归还' : '',
      `${on}T02:00:00.000Z`,
      '刘晓梅',
    );
    if (missing) insertMovement(ctx, a.id, on, '盘亏（年度资产盘点），待报损审批', { kind: 'status', status: 'lost' }, st);
  }
  stmt(ctx.db, "UPDATE stocktakes SET status = 'closed', closed_on = ?, closed_by = '刘晓梅' WHERE id = ?").run(on, st);
}
