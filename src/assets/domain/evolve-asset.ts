import { readFunding } from '../../common/funding/funding.js';
import { yuanToFen } from '../../common/money/money.js';
import { storedCategory } from './asset-category.js';
import type { AssetEvent } from './asset.events.js';
import type { AssetState } from './asset.state.js';

/** Applies one recorded event; an event that cannot follow the state is a corrupt stream and fails loudly. */
export function evolveAsset(state: AssetState, event: AssetEvent): AssetState {
  switch (event.type) {
    case 'AssetRegistered': {
      if (state.status !== 'empty') throw impossible(event, state);
      const d = event.data;
      return {
        status: 'in_use',
        card: {
          assetId: d.assetId,
          assetNo: d.assetNo,
          name: d.name,
          catalogCode: d.catalogCode,
          catalogName: d.catalogName,
          category: storedCategory(d.category),
          quantity: BigInt(d.quantity),
          unit: d.unit,
          originalValue: yuanToFen(d.originalValue),
          unitValue: yuanToFen(d.unitValue),
          acquiredOn: d.acquiredOn,
          source: d.source,
          location: d.location,
          custodian: d.custodian,
          funding: readFunding(d.funding),
          economicCode: d.economicCode,
          purchaseId: d.purchaseId,
          acceptanceId: d.acceptanceId,
          acceptanceSequence: d.acceptanceSequence,
          brand: d.brand,
          model: d.model,
          usingDepartment: d.usingDepartment,
          financeEntryDate: d.financeEntryDate,
          voucherNo: d.voucherNo,
          usage: d.usage,
        },
      };
    }
    case 'AssetMoved': {
      if (state.status !== 'in_use') throw impossible(event, state);
      const { location, custodian } = event.data.changes;
      return {
        ...state,
        card: {
          ...state.card,
          ...(location ? { location: location.to } : {}),
          ...(custodian ? { custodian: custodian.to } : {}),
        },
      };
    }
    case 'AssetDetailsChanged': {
      if (state.status !== 'in_use') throw impossible(event, state);
      const card = { ...state.card };
      for (const [field, change] of Object.entries(event.data.changes)) {
        if (change) Object.assign(card, { [field]: change.to });
      }
      return { ...state, card };
    }
    case 'AssetDisposed': {
      if (state.status !== 'in_use') throw impossible(event, state);
      const { disposedOn, method, reason } = event.data;
      return { status: 'disposed', card: state.card, disposal: { disposedOn, method, reason } };
    }
    default:
      return state;
  }
}

export function foldAsset(events: Iterable<AssetEvent>): AssetState {
  let state: AssetState = { status: 'empty' };
  for (const event of events) state = evolveAsset(state, event);
  return state;
}

function impossible(event: AssetEvent, state: AssetState): Error {
  return new Error(`${event.type} cannot follow an asset that is ${state.status} (asset ${event.data.assetId})`);
}
