/** Display helpers shared by screens and paper: dates in Chinese, money from 分. */

/** `2026-03-05` → `2026年3月5日`; anything else is returned as it came. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-03-05T08:09:10.000Z` → `2026年3月5日 16:09` in China Standard Time (UTC+8): the day as chineseDate writes it. */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${chineseDate(local)} ${local.slice(11, 16)}`;
}

/** Integer 分 → `1,234.50`, where a header or the words around say 元. Money is never stored as a float. */
export function fenToAmount(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** Integer 分 → `¥1,234.50`. */
export function fenToYuan(fen: number): string {
  const amount = fenToAmount(fen);
  return amount.startsWith('-') ? `-¥${amount.slice(1)}` : `¥${amount}`;
}

/** Integer 分 → `1,234.50 元`, for messages and summaries. */
export function yuanText(fen: number): string {
  return `${fenToAmount(fen)} 元`;
}

/** Today's date as ISO in China Standard Time, whatever the machine's zone. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function percent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}
