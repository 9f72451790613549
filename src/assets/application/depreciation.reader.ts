import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatWanYuan, formatYuan, type Fen } from '../../common/money/money.js';
import type { AssetCategoryName } from '../domain/asset-category.js';
import { accumulatedThrough, type DepreciationTerms, depreciationSchedule } from '../domain/depreciation.js';
import { formatYearMonth, lastDayOfMonth, type MonthIndex, monthOfDate } from '../domain/year-month.js';
import { DepreciationRepository } from '../infrastructure/depreciation.repository.js';
import type { CardDepreciationView } from './depreciation.views.js';

/** Before any posted month: only the opening figures of migrated cards count. */
const NEVER: MonthIndex = -1;

/** A whole sheet file names every card of its scope: bound each query's id list, not the file. */
const CARDS_PER_QUERY = 5000;

function cardView(card: DepreciationTerms, through: MonthIndex | null): CardDepreciationView {
  const accumulated = accumulatedThrough(depreciationSchedule(card), through ?? NEVER);
  return {
    usefulLifeMonths: card.usefulLifeMonths,
    accumulatedDepreciation: formatYuan(accumulated),
    netValue: formatYuan(card.originalValue - accumulated),
    depreciatedThrough: through === null ? null : formatYearMonth(through),
  };
}

/** 累计折旧 and 净值 by category, beside a figure of 原值 (holdings, reconciliation). */
export type CategoryNetValue = {
  accumulatedDepreciation: string;
  accumulatedDepreciationWan: string;
  netValue: string;
  netValueWan: string;
};

export const netValueView = (value: Fen, accumulated: Fen): CategoryNetValue => ({
  accumulatedDepreciation: formatYuan(accumulated),
  accumulatedDepreciationWan: formatWanYuan(accumulated),
  netValue: formatYuan(value - accumulated),
  netValueWan: formatWanYuan(value - accumulated),
});

/**
 * Depreciation figures as of a date, computed when read: through the department's last month
 * posted on or before the date's month (the posted months are the only depreciation state).
 */
@Injectable()
export class DepreciationReader {
  constructor(private readonly depreciation: DepreciationRepository) {}

  async card(db: EntityManager, assetId: string, asOf: string): Promise<CardDepreciationView | null> {
    const card = await this.depreciation.card(db, assetId);
    if (!card) return null;
    const through = await this.depreciation.lastPosted(db, card.department, monthOfDate(asOf));
    return cardView(card, through);
  }

  /**
   * The figures GET /assets/:id gives as of `asOf`, for each of the given cards (a page of a
   * sheet): the cards' terms in batches, and each of their departments' last posted month once.
   */
  async cards(db: EntityManager, assetIds: readonly string[], asOf: string): Promise<Map<string, CardDepreciationView>> {
    const views = new Map<string, CardDepreciationView>();
    const through = new Map<string, MonthIndex | null>();
    for (let i = 0; i < assetIds.length; i += CARDS_PER_QUERY) {
      const cards = await this.depreciation.cards(db, assetIds.slice(i, i + CARDS_PER_QUERY));
      for (const [assetId, card] of cards) {
        if (!through.has(card.department)) {
          through.set(card.department, await this.depreciation.lastPosted(db, card.department, monthOfDate(asOf)));
        }
        views.set(assetId, cardView(card, through.get(card.department)!));
      }
    }
    return views;
  }

  /**
   * 累计折旧 of the cards held on `asOf`, by category, and the month it runs through: the posted
   * month's own totals, corrected for the cards carded or disposed of between its end and
   * `asOf`. What a posting recorded stays the book for its month.
   */
  async byCategory(
    db: EntityManager,
    department: string,
    asOf: string,
  ): Promise<{ through: string | null; accumulated: Map<AssetCategoryName, Fen> }> {
    const through = await this.depreciation.lastPosted(db, department, monthOfDate(asOf));
    if (through === null) return { through: null, accumulated: await this.depreciation.openingHeld(db, department, asOf) };
    const posted = (await this.depreciation.postedAccumulated(db, department, through)) ?? new Map<AssetCategoryName, Fen>();
    const difference = await this.depreciation.heldDifference(db, department, through, asOf, lastDayOfMonth(through));
    for (const [category, fen] of difference) posted.set(category, (posted.get(category) ?? 0n) + fen);
    return { through: formatYearMonth(through), accumulated: posted };
  }
}
