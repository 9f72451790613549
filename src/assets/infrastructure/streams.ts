/** Stream names of the asset register; each is filed under its department (and year) in the envelope. */
export const assetStreamId = (assetId: string) => `asset-${assetId}`;
export const isAssetStream = (streamId: string) => streamId.startsWith('asset-');

/** All opening declarations of a department, whatever their date. */
export const holdingsStreamId = (department: string) => `holdings-${department}`;
export const isHoldingsStream = (streamId: string) => streamId.startsWith('holdings-');

export const ledgerStreamId = (department: string, year: number) => `ledger-${department}-${year}`;
export const isLedgerStream = (streamId: string) => streamId.startsWith('ledger-');

export const stocktakeStreamId = (stocktakeId: string) => `stocktake-${stocktakeId}`;
export const isStocktakeStream = (streamId: string) => streamId.startsWith('stocktake-');
