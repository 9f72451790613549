/** Stream names of the asset register; each is filed under its department (and year) in the envelope. */
export const assetStreamId = (assetId: string) => `asset-${assetId}`;

/** All opening declarations of a department, whatever their date. */
export const holdingsStreamId = (department: string) => `holdings-${department}`;

export const ledgerStreamId = (department: string, year: number) => `ledger-${department}-${year}`;

export const stocktakeStreamId = (stocktakeId: string) => `stocktake-${stocktakeId}`;

/** One migration of a register file: named by the file's content hash, so the same file is the same stream. */
export const importStreamId = (department: string, contentHash: string) => `register-import-${department}-${contentHash}`;

/** The department's posted depreciation months (DepreciationPosted, DepreciationReversed). */
export const depreciationStreamId = (department: string) => `depreciation-${department}`;
