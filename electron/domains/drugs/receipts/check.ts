/**
 * What a receipt line raises before it is saved (issue 10 part 4, D5, D9): a batch already
 * expired on the receipt day is refused; one expiring within the near-expiry window (setting
 * nearExpiryDays) is flagged; a price that differs from the platform price in force that day
 * (drug_prices, write.ts priceOn) is a warning, never a refusal — the supplier's invoice is what
 * was paid. Used by the form's check, its save and the import alike, so all three say the same.
 */
import { isExpiredOn } from '../../../../shared/rules/fefo';
import { chineseDate, yuanText } from '../../../../shared/format';
import type { ReceiptLineValues } from '../../../../shared/schemas/receipts';
import type { ServiceContext } from '../../../db/context';
import { readSettings } from '../../settings/service';
import { priceOn } from '../write';

export interface LineCheck {
  warnings: string[];
  /** The refusal; null when the line may be saved. */
  error: string | null;
}

/** Whole days from `from` to `to` (ISO days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function checkReceiptLine(
  ctx: ServiceContext,
  line: Pick<ReceiptLineValues, 'drugId' | 'expiresOn' | 'producedOn' | 'priceFen'>,
  receivedOn: string,
  nearExpiryDays: number = readSettings(ctx.db).nearExpiryDays,
): LineCheck {
  const warnings: string[] = [];
  if (isExpiredOn(line.expiresOn, receivedOn)) {
    return {
      warnings,
      error: `有效期至 ${chineseDate(line.expiresOn)}，在入库日期 ${chineseDate(receivedOn)} 已经过期，不能入库（请退回供货单位）`,
    };
  }
  if (line.producedOn && line.producedOn > line.expiresOn) {
    return { warnings, error: `生产日期 ${chineseDate(line.producedOn)} 晚于有效期 ${chineseDate(line.expiresOn)}，请核对` };
  }
  if (line.producedOn && line.producedOn > receivedOn) {
    return { warnings, error: `生产日期 ${chineseDate(line.producedOn)} 晚于入库日期 ${chineseDate(receivedOn)}，请核对` };
  }
  const left = daysBetween(receivedOn, line.expiresOn);
  if (left <= nearExpiryDays) warnings.push(`近效期：入库时距有效期仅 ${left} 天（提醒天数 ${nearExpiryDays} 天）`);
  const platform = priceOn(ctx, line.drugId, receivedOn);
  if (platform !== undefined && platform !== line.priceFen) {
    warnings.push(`单价 ${yuanText(line.priceFen)} 与当日挂网价 ${yuanText(platform)} 不同`);
  }
  return { warnings, error: null };
}
