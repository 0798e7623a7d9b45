/** Points as people write them, from the integer tenths the core keeps (P6): 7 分, 0.5 分. */
export function pts(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
