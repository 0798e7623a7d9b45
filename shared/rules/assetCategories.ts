/**
 * Asset categories (rule A4): the top classes of the national fixed-asset classification
 * (固定资产分类与代码) as the ledger uses them, with the sub-classes the depreciation table of
 * 政府会计准则第3号应用指南 (财会〔2017〕4号) distinguishes. `lifeYears` is the guide's minimum
 * life, the default a new card gets (editable per card); 0 means not depreciated (land,
 * cultural relics, books).
 */
export const assetCategories = [
  'land',
  'building_concrete',
  'building_brick',
  'building_simple',
  'computer_office',
  'vehicle',
  'electrical',
  'general_other',
  'medical',
  'special_other',
  'furniture',
  'fixtures',
  'relics_books',
] as const;
export type AssetCategory = (typeof assetCategories)[number];

interface CategoryInfo {
  /** Top class of the classification (the return groups by it). */
  top: string;
  label: string;
  lifeYears: number;
  /** Words in a clerk's own category or asset name that point to this category (import). */
  keywords: readonly string[];
}

export const categoryInfo: Record<AssetCategory, CategoryInfo> = {
  land: { top: '土地', label: '土地', lifeYears: 0, keywords: ['土地', '地块'] },
  building_concrete: {
    top: '房屋及构筑物',
    label: '房屋（钢结构、钢筋混凝土结构）',
    lifeYears: 50,
    keywords: ['钢筋混凝土', '框架', '钢结构'],
  },
  building_brick: {
    top: '房屋及构筑物',
    label: '房屋（砖混、砖木结构）',
    lifeYears: 30,
    keywords: ['砖混', '砖木', '房屋', '业务用房', '办公楼', '卫生室用房'],
  },
  building_simple: {
    top: '房屋及构筑物',
    label: '简易房、附属设施及构筑物',
    lifeYears: 8,
    keywords: ['简易', '附属', '构筑物', '围墙', '厕所', '车棚'],
  },
  computer_office: {
    top: '通用设备',
    label: '计算机及办公设备',
    lifeYears: 6,
    keywords: ['计算机', '电脑', '笔记本', '打印机', '复印', '扫描', '办公设备', '一体机', '投影'],
  },
  vehicle: { top: '通用设备', label: '车辆', lifeYears: 8, keywords: ['车辆', '汽车', '救护车', '摩托', '电动车'] },
  electrical: {
    top: '通用设备',
    label: '电气设备',
    lifeYears: 5,
    keywords: ['电气', '空调', '冰箱', '冰柜', '发电机', '热水器', '消毒柜'],
  },
  general_other: { top: '通用设备', label: '其他通用设备', lifeYears: 5, keywords: ['通用设备'] },
  medical: {
    top: '专用设备',
    label: '医疗设备',
    lifeYears: 5,
    keywords: ['医疗', '心电', '血压', '血糖', '监护', '雾化', 'B超', '超声', '听诊', '体温', '诊断', '治疗', '检验', '药品柜'],
  },
  special_other: { top: '专用设备', label: '其他专用设备', lifeYears: 10, keywords: ['专用设备'] },
  furniture: { top: '家具用具及其他', label: '家具', lifeYears: 15, keywords: ['家具', '桌', '椅', '柜', '床', '沙发'] },
  fixtures: { top: '家具用具及其他', label: '用具、装具', lifeYears: 5, keywords: ['用具', '装具', '被服', '器皿'] },
  relics_books: { top: '家具用具及其他', label: '图书、档案、文物（不提折旧）', lifeYears: 0, keywords: ['图书', '档案', '文物', '书籍'] },
};

export const categoryLabels: Record<AssetCategory, string> = Object.fromEntries(
  assetCategories.map((c) => [c, categoryInfo[c].label]),
) as Record<AssetCategory, string>;

/** Top classes in the order returns list them. */
export const topClasses = ['土地', '房屋及构筑物', '通用设备', '专用设备', '家具用具及其他'] as const;

/**
 * A clerk's category text (医疗设备, 通用设备-电脑, 专用设备 …) or, failing that, the asset's
 * name → our category. Exact labels win, then the longest keyword found.
 */
export function guessCategory(written: string, name = ''): AssetCategory | undefined {
  const w = written.replace(/\s+/g, '');
  const exact = assetCategories.find((c) => categoryInfo[c].label === w || c === w);
  if (exact) return exact;
  for (const text of [w, name.replace(/\s+/g, '')]) {
    if (!text) continue;
    let best: { c: AssetCategory; len: number } | undefined;
    for (const c of assetCategories) {
      for (const k of categoryInfo[c].keywords) if (text.includes(k) && (!best || k.length > best.len)) best = { c, len: k.length };
    }
    if (best) return best.c;
    // A bare top class (通用设备, 专用设备) with nothing more specific.
    const top = assetCategories.find((c) => categoryInfo[c].top === text);
    if (top && text === w) return text === '专用设备' ? 'special_other' : text === '通用设备' ? 'general_other' : top;
  }
  return undefined;
}
