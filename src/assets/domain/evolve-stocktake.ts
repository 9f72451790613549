import { yuanToFen } from '../../common/money/money.js';
import { storedCategory } from './asset-category.js';
import type { StocktakeEvent } from './stocktake.events.js';
import type { StocktakeCount, StocktakeItem, StocktakeState } from './stocktake.state.js';

export function evolveStocktake(state: StocktakeState, event: StocktakeEvent): StocktakeState {
  switch (event.type) {
    case 'StocktakeOpened': {
      if (state.status !== 'empty') throw impossible(event, state);
      const items = new Map<string, StocktakeItem>();
      const listed = 'cards' in event.data.scope ? event.data.scope.cards : [];
      for (const i of listed) {
        items.set(i.assetId, {
          assetId: i.assetId,
          category: storedCategory(i.category),
          quantity: BigInt(i.quantity),
          value: yuanToFen(i.value),
        });
      }
      return {
        status: 'open',
        stocktakeId: event.data.stocktakeId,
        asOf: event.data.asOf,
        items,
        counts: new Map(),
        surpluses: [],
        categoryCounts: new Map(),
      };
    }
    case 'AssetCounted': {
      if (state.status !== 'open') throw impossible(event, state);
      const counts = new Map<string, StocktakeCount>(state.counts);
      const { assetId, found, quantity, note } = event.data;
      counts.set(assetId, { found, quantity: BigInt(quantity), note });
      return { ...state, counts };
    }
    case 'AssetsCounted': {
      if (state.status !== 'open') throw impossible(event, state);
      const counts = new Map<string, StocktakeCount>(state.counts);
      for (const { assetId, found, quantity, note } of event.data.counts) counts.set(assetId, { found, quantity: BigInt(quantity), note });
      return { ...state, counts };
    }
    case 'SurplusAssetFound': {
      if (state.status !== 'open') throw impossible(event, state);
      const d = event.data;
      const item = {
        itemId: d.itemId,
        name: d.name,
        catalogCode: d.catalogCode,
        category: storedCategory(d.category),
        quantity: BigInt(d.quantity),
        estimatedValue: yuanToFen(d.estimatedValue),
        note: d.note,
      };
      return { ...state, surpluses: [...state.surpluses, item] };
    }
    case 'UncardedCounted': {
      if (state.status !== 'open') throw impossible(event, state);
      const { category, count, value, note } = event.data;
      const categoryCounts = new Map(state.categoryCounts);
      categoryCounts.set(storedCategory(category), { count: BigInt(count), value: yuanToFen(value), note });
      return { ...state, categoryCounts };
    }
    case 'StocktakeClosed': {
      if (state.status !== 'open') throw impossible(event, state);
      return { ...state, status: 'closed', result: event.data };
    }
    default:
      return state;
  }
}

/** Folding a long stocktake: counts are applied in place, not copied event by event. */
export function foldStocktake(events: Iterable<StocktakeEvent>): StocktakeState {
  let state: StocktakeState = { status: 'empty' };
  for (const event of events) {
    if (event.type === 'AssetCounted' && state.status === 'open') {
      const { assetId, found, quantity, note } = event.data;
      (state.counts as Map<string, StocktakeCount>).set(assetId, { found, quantity: BigInt(quantity), note });
      continue;
    }
    if (event.type === 'AssetsCounted' && state.status === 'open') {
      const counts = state.counts as Map<string, StocktakeCount>;
      for (const { assetId, found, quantity, note } of event.data.counts) counts.set(assetId, { found, quantity: BigInt(quantity), note });
      continue;
    }
    state = evolveStocktake(state, event);
  }
  return state;
}

function impossible(event: StocktakeEvent, state: StocktakeState): Error {
  return new Error(`${event.type} cannot follow a stocktake that is ${state.status} (stocktake ${event.data.stocktakeId})`);
}
