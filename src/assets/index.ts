// The asset register's public surface: what other contexts may use.
export { assetEvents, type AssetEvent } from './domain/asset.events.js';
export { declarationEvents, type LedgerBalancesDeclared, type OpeningHoldingsDeclared } from './domain/declarations.events.js';
export { stocktakeEvents, type StocktakeEvent } from './domain/stocktake.events.js';
export { assetStreamId, holdingsStreamId, ledgerStreamId, stocktakeStreamId } from './infrastructure/streams.js';
export { ImportRegisterCommand, type RegisterImportView } from './application/import-register.command.js';
export { DeclareOpeningHoldingsCommand } from './application/declarations.commands.js';
export { DeclareOpeningHoldingsHandler } from './application/declare-opening-holdings.handler.js';
export { HoldingsQuery } from './application/asset.queries.js';
export type { HoldingsView } from './domain/holdings.js';
export { AssetRepository } from './infrastructure/asset.repository.js';
export { DepreciationYearQuery } from './application/depreciation.commands.js';
export type { DepreciationYearView } from './application/depreciation.views.js';
