import { ValidationError } from '../../common/errors/domain-error.js';
import type { CatalogEntry } from './catalog-entry.js';

/** The categories of 部门固定资产占用情况表, spelled exactly as the disclosure tables print them. */
export const ASSET_CATEGORY_NAMES = [
  '土地',
  '房屋建筑物及构筑物',
  '车辆',
  '通用设备（除车辆）',
  '专用设备',
  '文物和陈列品',
  '图书档案',
  '家具用具',
  '特种动植物',
  '无形资产',
] as const;

export type AssetCategoryName = (typeof ASSET_CATEGORY_NAMES)[number];

export interface AssetCategory {
  readonly name: AssetCategoryName;
  /** Which configured unit-value threshold applies. */
  readonly threshold: 'general' | 'special_equipment';
  /**
   * Large batches of like items are fixed assets even below the threshold, so acceptance
   * registers one batch card rather than one card per unit.
   */
  readonly batch: boolean;
}

/**
 * `match` is a code prefix (`A0203`, or a full code for a single entry) or a range of prefixes of
 * equal length (`A0213..A0247`). The longest matching prefix wins; `null` says "deliberately
 * none" and beats a shorter rule that would give one.
 */
export interface CategoryRule {
  readonly match: string;
  readonly category: AssetCategoryName | null;
  readonly why?: string;
}

export interface LineRule {
  readonly match: string;
  /** A 部门预算支出经济分类 line code such as `31002`, or null. */
  readonly line: string | null;
  readonly why?: string;
}

export interface ClassificationTables {
  readonly source: string;
  readonly assetCategories: readonly AssetCategory[];
  /** Goods codes → disclosure asset category. */
  readonly categoryRules: readonly CategoryRule[];
  /** Any catalog code → default economic line (310xx for goods and works, 302xx for services). */
  readonly lineRules: readonly LineRule[];
  /** Economic-classification names by line code (类 301, 款 30201). */
  readonly lineNames: Readonly<Record<string, string>>;
}

export interface EconomicLine {
  readonly code: string;
  readonly name: string;
}

/** Unit-value thresholds in fen (integer; see AppConfig). */
export class CapitalizationThresholds {
  constructor(
    readonly generalFen: bigint,
    readonly specialEquipmentFen: bigint,
  ) {}
}

export type NotCapitalizableReason = 'service' | 'works' | 'not_an_asset' | 'below_threshold';

export type Capitalization =
  | {
      readonly capitalizable: true;
      readonly assetCategory: AssetCategoryName;
      readonly batch: boolean;
      readonly economicLine: EconomicLine;
    }
  | {
      readonly capitalizable: false;
      readonly reason: NotCapitalizableReason;
      /** Set for `below_threshold`: the category the item would have been carded under. */
      readonly assetCategory?: AssetCategoryName;
      readonly thresholdFen?: bigint;
    };

/** What can be said about a code without a price. */
export interface CodeClassification {
  readonly assetCategory?: AssetCategory;
  readonly economicLine?: EconomicLine;
  /** Goods with an asset category: a fixed asset at or above its threshold (batch categories: always). */
  readonly capitalizable: boolean;
}

interface CompiledRule<T> {
  readonly from: string;
  readonly to: string;
  readonly length: number;
  readonly value: T;
}

const MATCH = /^([ABC]\d{0,8})(?:\.\.([ABC]\d{0,8}))?$/;

function compile<T>(rules: readonly { match: string }[], valueOf: (i: number) => T, table: string): CompiledRule<T>[] {
  const compiled = rules.map((rule, i) => {
    const m = MATCH.exec(rule.match);
    const from = m?.[1];
    const to = m?.[2] ?? from;
    if (!from || !to || from.length !== to.length || from > to || from[0] !== to[0]) {
      throw new Error(`Classification data: ${table} rule "${rule.match}" is not a prefix or a range of equal-length prefixes`);
    }
    return { from, to, length: from.length, value: valueOf(i) };
  });
  // Two rules of the same specificity covering one code would make the answer depend on order.
  for (const a of compiled) {
    for (const b of compiled) {
      if (a !== b && a.length === b.length && a.from <= b.to && b.from <= a.to) {
        throw new Error(`Classification data: ${table} rules ${a.from}..${a.to} and ${b.from}..${b.to} overlap`);
      }
    }
  }
  return compiled.sort((a, b) => b.length - a.length);
}

function mostSpecific<T>(rules: readonly CompiledRule<T>[], code: string): CompiledRule<T> | undefined {
  return rules.find((r) => {
    const head = code.slice(0, r.length);
    return head.length === r.length && head >= r.from && head <= r.to;
  });
}

/**
 * Applies the classification tables (data/classification.ts). Pure: the tables and the thresholds
 * come in from outside, so a deployment can swap either without touching this logic.
 */
export class Classifier {
  private readonly categories = new Map<AssetCategoryName, AssetCategory>();
  private readonly categoryRules: CompiledRule<AssetCategoryName | null>[];
  private readonly lineRules: CompiledRule<string | null>[];

  constructor(readonly tables: ClassificationTables) {
    for (const category of tables.assetCategories) this.categories.set(category.name, category);
    this.categoryRules = compile(tables.categoryRules, (i) => tables.categoryRules[i].category, 'category');
    this.lineRules = compile(tables.lineRules, (i) => tables.lineRules[i].line, 'line');
    for (const rule of tables.categoryRules) {
      if (rule.category !== null && !this.categories.has(rule.category)) {
        throw new Error(`Classification data: category ${rule.category} is not defined`);
      }
      if (!rule.match.startsWith('A')) throw new Error(`Classification data: only goods have asset categories (${rule.match})`);
    }
    for (const rule of tables.lineRules) {
      if (rule.line !== null && tables.lineNames[rule.line] === undefined) {
        throw new Error(`Classification data: economic line ${rule.line} has no name`);
      }
    }
  }

  assetCategoryOf(code: string): AssetCategory | undefined {
    const name = mostSpecific(this.categoryRules, code)?.value;
    return name ? this.categories.get(name) : undefined;
  }

  /** The default line; an officer may still set another one on the purchase. */
  economicLineOf(code: string): EconomicLine | undefined {
    const line = mostSpecific(this.lineRules, code)?.value;
    return line ? { code: line, name: this.tables.lineNames[line] } : undefined;
  }

  /** Name of any economic line of the table (`30231`, `310`), for lines set explicitly. */
  lineName(code: string): string | undefined {
    return this.tables.lineNames[code];
  }

  classify(entry: CatalogEntry): CodeClassification {
    const assetCategory = entry.type === 'goods' ? this.assetCategoryOf(entry.code) : undefined;
    const economicLine = this.economicLineOf(entry.code);
    return {
      ...(assetCategory ? { assetCategory } : {}),
      ...(economicLine ? { economicLine } : {}),
      capitalizable: assetCategory !== undefined,
    };
  }

  /** The unit value at or above which an item of the category is a fixed asset; undefined for batch categories. */
  thresholdFor(category: AssetCategory, thresholds: CapitalizationThresholds): bigint | undefined {
    if (category.batch) return undefined;
    return category.threshold === 'special_equipment' ? thresholds.specialEquipmentFen : thresholds.generalFen;
  }

  /**
   * Whether one unit at `unitPriceFen` is a fixed asset: goods only, with an asset category, at or
   * above the category's threshold. Batch categories (家具用具, 图书档案) are capitalized whatever
   * the unit value (DESIGN §3: large batches of like items are fixed assets below the threshold)
   * and carded as one batch. Telling a "large batch" from one cheap chair would need the quantity
   * and a batch rule nobody has published; until then the officer can override per purchase.
   */
  capitalizationOf(entry: CatalogEntry, unitPriceFen: bigint, thresholds: CapitalizationThresholds): Capitalization {
    if (unitPriceFen < 0n) throw new ValidationError('CATALOG.NEGATIVE_UNIT_PRICE', 'unitPrice must not be negative', 'unitPrice');
    if (entry.type === 'services') return { capitalizable: false, reason: 'service' };
    if (entry.type === 'works') return { capitalizable: false, reason: 'works' };
    const category = this.assetCategoryOf(entry.code);
    if (!category) return { capitalizable: false, reason: 'not_an_asset' };
    const thresholdFen = this.thresholdFor(category, thresholds);
    if (thresholdFen !== undefined && unitPriceFen < thresholdFen) {
      return { capitalizable: false, reason: 'below_threshold', assetCategory: category.name, thresholdFen };
    }
    const economicLine = this.economicLineOf(entry.code);
    // The data spec proves every categorised goods code has a 310 line; this guards edited tables.
    if (!economicLine) throw new Error(`Classification data: ${entry.code} has an asset category but no economic line`);
    return { capitalizable: true, assetCategory: category.name, batch: category.batch, economicLine };
  }
}
