import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { PurchaseAssets } from '../procurement/index.js';
import { AssetController } from './api/asset.controller.js';
import { HoldingsController } from './api/holdings.controller.js';
import { StocktakeController } from './api/stocktake.controller.js';
import { AcceptanceCardsReactor } from './application/acceptance-cards.reactor.js';
import { AssetCatalog } from './application/asset-catalog.js';
import { AssetWriter } from './application/asset-writer.js';
import { ChangeAssetHandler, RegisterAssetHandler } from './application/asset.handlers.js';
import {
  GetAssetHandler,
  GetStocktakeHandler,
  HoldingsHandler,
  ListAssetsHandler,
  ReconciliationHandler,
} from './application/asset-queries.handlers.js';
import { Clock } from './application/clock.js';
import { DeclareLedgerBalancesHandler, DeclareOpeningHoldingsHandler } from './application/declarations.handlers.js';
import { PurchaseAssetsReader } from './application/purchase-assets.reader.js';
import { StocktakeWriter } from './application/stocktake-writer.js';
import { CloseStocktakeHandler, OpenStocktakeHandler, RecordCountsHandler } from './application/stocktake.handlers.js';
import { AssetProjection } from './infrastructure/asset.projection.js';
import { AssetRepository } from './infrastructure/asset.repository.js';
import { HoldingsProjection } from './infrastructure/holdings.projection.js';
import { StocktakeProjection } from './infrastructure/stocktake.projection.js';
import { StocktakeRepository } from './infrastructure/stocktake.repository.js';

/**
 * The fixed-asset register: cards, holdings, acceptance → cards, stocktakes, reconciliation.
 * It reads procurement only through the log (PurchaseAccepted and the purchase streams), so it
 * imports no procurement module; ProcurementModule imports this one for PurchaseAssetsReader.
 */
@Module({
  imports: [CatalogModule],
  controllers: [AssetController, HoldingsController, StocktakeController],
  providers: [
    Clock,
    AssetCatalog,
    AssetRepository,
    StocktakeRepository,
    AssetProjection,
    HoldingsProjection,
    StocktakeProjection,
    AcceptanceCardsReactor,
    AssetWriter,
    StocktakeWriter,
    RegisterAssetHandler,
    ChangeAssetHandler,
    DeclareOpeningHoldingsHandler,
    DeclareLedgerBalancesHandler,
    OpenStocktakeHandler,
    RecordCountsHandler,
    CloseStocktakeHandler,
    GetAssetHandler,
    ListAssetsHandler,
    HoldingsHandler,
    ReconciliationHandler,
    GetStocktakeHandler,
    PurchaseAssetsReader,
    // Procurement's port, implemented here: procurement asks, the register answers.
    { provide: PurchaseAssets, useExisting: PurchaseAssetsReader },
  ],
  exports: [PurchaseAssets],
})
export class AssetsModule {}
