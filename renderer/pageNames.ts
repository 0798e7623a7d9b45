/**
 * Every page of the app by the name it has in the address (`#/villages`). Kept apart from
 * router.ts, which needs React and the DOM, so node scripts (test/e2e/pageShots.ts) can walk
 * the same list instead of repeating it.
 */
export const pages = [
  'home',
  'alerts',
  'villages',
  'clinics',
  'clinic',
  'people',
  'assets',
  'stocktakes',
  'drugs',
  'requisitions',
  'purchase',
  'stock',
  'templates',
  'letters',
  'vbp',
  'receipts',
  'deliveries',
  'labels',
  'visits',
  'quarters',
  'recheck',
  'import',
  'returns',
  'audit',
  'settings',
  'users',
] as const;
export type PageName = (typeof pages)[number];
