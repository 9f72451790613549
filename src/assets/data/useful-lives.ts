import type { AssetCategoryName } from '../domain/asset-category.js';

/**
 * Minimum useful lives (折旧年限) of fixed assets, in years, from 《政府固定资产折旧年限表》 in
 * 《〈政府会计准则第3号——固定资产〉应用指南》 (财会〔2017〕4号, 财政部 2017-02-21). Where the guide gives a
 * range (most 专用设备, e.g. 医疗设备 5–10), the minimum is its lower bound: a card may set a longer
 * life, never a shorter one.
 *
 * The guide's table is keyed by the classes of GB/T 14885-2010; the register's catalog is
 * GB/T 14885-2022, so each 2022 class below is matched to the guide's row by name. Figures were
 * taken from published copies of the table (no copy of the guide is in this repository); each
 * row names the guide's row it comes from so it can be checked line by line.
 *
 * Judgements:
 * - Buildings: the guide's minimum depends on the structure (钢结构/钢筋混凝土结构 50, 砖混/砖木结构 30,
 *   简易房 8), which the catalog does not record. A0101 房屋 defaults to 30, the least of the
 *   业务及管理用房 structures; the keeper of a steel or reinforced-concrete building sets 50.
 * - A0239 货币处理设备, A0244 海洋仪器设备 have no row of their own in the guide: 5, as 仪器仪表 and
 *   "other general equipment".
 * - A0237 政法、消防、检测设备 follows the guide's 公安专用设备 (3–10).
 */
type LifeRule = { readonly match: string; readonly years: number; readonly guide: string };

const RULES: readonly LifeRule[] = [
  { match: 'A0101', years: 30, guide: '房屋及构筑物 · 业务及管理用房 · 砖混结构 30 (钢结构、钢筋混凝土结构 50)' },
  { match: 'A0102', years: 8, guide: '房屋及构筑物 · 构筑物 8' },
  { match: 'A0201', years: 6, guide: '通用设备 · 计算机设备 6' },
  { match: 'A0202', years: 6, guide: '通用设备 · 办公设备 6' },
  { match: 'A0203', years: 8, guide: '通用设备 · 车辆 8' },
  { match: 'A0204', years: 5, guide: '通用设备 · 图书档案设备 5' },
  { match: 'A0205', years: 10, guide: '通用设备 · 机械设备 10' },
  { match: 'A0206', years: 5, guide: '通用设备 · 电气设备 5' },
  { match: 'A0207', years: 10, guide: '通用设备 · 雷达、无线电和卫星导航设备 10' },
  { match: 'A0208', years: 5, guide: '通用设备 · 通信设备 5' },
  { match: 'A0209', years: 5, guide: '通用设备 · 广播、电视、电影设备 5' },
  { match: 'A0210', years: 5, guide: '通用设备 · 仪器仪表 5' },
  { match: 'A0211', years: 5, guide: '通用设备 · 电子和通信测量设备 5' },
  { match: 'A0212', years: 5, guide: '通用设备 · 计量标准器具及量具、衡器 5' },
  { match: 'A0213', years: 10, guide: '专用设备 · 探矿、采矿、选矿和造块设备 10–15' },
  { match: 'A0214', years: 10, guide: '专用设备 · 石油天然气开采专用设备 10–15' },
  { match: 'A0215', years: 10, guide: '专用设备 · 石油和化学工业专用设备 10–15' },
  { match: 'A0216', years: 10, guide: '专用设备 · 炼焦和金属冶炼轧制设备 10–15' },
  { match: 'A0217', years: 20, guide: '专用设备 · 电力工业专用设备 20–30' },
  { match: 'A0218', years: 10, guide: '专用设备 · 非金属矿物制品工业专用设备 10–20' },
  { match: 'A0219', years: 20, guide: '专用设备 · 核工业专用设备 20–30' },
  { match: 'A0220', years: 20, guide: '专用设备 · 航空航天工业专用设备 20–30' },
  { match: 'A0221', years: 10, guide: '专用设备 · 工程机械 10–15' },
  { match: 'A0222', years: 10, guide: '专用设备 · 农业和林业机械 10–15' },
  { match: 'A0223', years: 10, guide: '专用设备 · 木材采集和加工设备 10–15' },
  { match: 'A0224', years: 10, guide: '专用设备 · 食品加工专用设备 10–15' },
  { match: 'A0225', years: 10, guide: '专用设备 · 饮料加工设备 10–15' },
  { match: 'A0226', years: 10, guide: '专用设备 · 烟草加工设备 10–15' },
  { match: 'A0227', years: 10, guide: '专用设备 · 粮油作物和饲料加工设备 10–15' },
  { match: 'A0228', years: 10, guide: '专用设备 · 纺织设备 10–15' },
  { match: 'A0229', years: 10, guide: '专用设备 · 缝纫、服饰、制革和毛皮加工设备 10–15' },
  { match: 'A0230', years: 10, guide: '专用设备 · 造纸和印刷机械 10–20' },
  { match: 'A0231', years: 5, guide: '专用设备 · 化学药品和中药专用设备 5–10' },
  { match: 'A0232', years: 5, guide: '专用设备 · 医疗设备 5–10' },
  { match: 'A0233', years: 5, guide: '专用设备 · 电工、电子专用生产设备 5–10' },
  { match: 'A0234', years: 10, guide: '专用设备 · 安全生产设备 10–20' },
  { match: 'A0235', years: 10, guide: '专用设备 · 邮政专用设备 10–15' },
  { match: 'A0236', years: 10, guide: '专用设备 · 环境污染防治设备 10–20' },
  { match: 'A0237', years: 3, guide: '专用设备 · 公安专用设备 3–10' },
  { match: 'A0238', years: 10, guide: '专用设备 · 水工机械 10–20' },
  { match: 'A0239', years: 5, guide: '(no row; as 仪器仪表) 5' },
  { match: 'A0240', years: 5, guide: '专用设备 · 殡葬设备及用品 5–10' },
  { match: 'A0241', years: 10, guide: '专用设备 · 铁路运输设备 10–20' },
  { match: 'A0242', years: 10, guide: '专用设备 · 水上交通运输设备 10–20' },
  { match: 'A0243', years: 10, guide: '专用设备 · 航空器及其配套设备 10–20' },
  { match: 'A0244', years: 5, guide: '(no row; as 专用仪器仪表 5–10) 5' },
  { match: 'A0245', years: 5, guide: '专用设备 · 文艺设备 5–15' },
  { match: 'A0246', years: 5, guide: '专用设备 · 体育设备 5–15' },
  { match: 'A0247', years: 5, guide: '专用设备 · 娱乐设备 5–15' },
  { match: 'A0501', years: 15, guide: '家具、用具及装具 · 家具 15' },
  { match: 'A0502', years: 5, guide: '家具、用具及装具 · 用具、装具 5' },
  { match: 'A0503', years: 5, guide: '家具、用具及装具 · 用具、装具 5' },
];

/**
 * A card whose catalog code matches no row above (a bare class code such as A02000000, or a
 * card carded under a category different from its code's) takes its category's least life.
 */
const BY_CATEGORY: Partial<Record<AssetCategoryName, number>> = {
  房屋建筑物及构筑物: 8,
  车辆: 8,
  '通用设备（除车辆）': 5,
  专用设备: 3,
  家具用具: 5,
};

/**
 * Not depreciated (准则第3号 第十五条): 土地 (land is not depreciated; land use rights are
 * intangible), 文物和陈列品, 图书档案, 特种动植物. 无形资产 are amortised under 准则第4号, which this
 * register does not compute. Assets under construction (在建工程) are never cards here: a card
 * is registered when the asset is put into use.
 */
export const NOT_DEPRECIATED: ReadonlySet<AssetCategoryName> = new Set<AssetCategoryName>([
  '土地',
  '文物和陈列品',
  '图书档案',
  '特种动植物',
  '无形资产',
]);

/** Answers by category and code: a register import asks for each of a million cards, over a few codes. */
const MINIMUM_BY_CODE = new Map<string, number | null>();

/** The guide's minimum life in months for a card of this category and catalog code; null: not depreciated. */
export function minimumUsefulLifeMonths(category: AssetCategoryName, catalogCode: string): number | null {
  const key = `${category}\u0000${catalogCode}`;
  let months = MINIMUM_BY_CODE.get(key);
  if (months === undefined) {
    months = lifeRuleMonths(category, catalogCode);
    // Bounded by the catalog's codes times the categories, which a code determines anyway.
    if (MINIMUM_BY_CODE.size < 100_000) MINIMUM_BY_CODE.set(key, months);
  }
  return months;
}

function lifeRuleMonths(category: AssetCategoryName, catalogCode: string): number | null {
  if (NOT_DEPRECIATED.has(category)) return null;
  let best: LifeRule | undefined;
  for (const rule of RULES) {
    if (catalogCode.startsWith(rule.match) && (!best || rule.match.length > best.match.length)) best = rule;
  }
  const years = best?.years ?? BY_CATEGORY[category];
  return years === undefined ? null : years * 12;
}
