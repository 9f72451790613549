import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProjectionRegistry, ReactorRegistry } from '../event-log/index.js';
import { PurchaseAssets } from '../procurement/index.js';
import { AssetController } from './api/asset.controller.js';
import { HoldingsController } from './api/holdings.controller.js';
import { StocktakeController } from './api/stocktake.controller.js';
import { AcceptanceCardsReactor } from './application/acceptance-cards.reactor.js';
import { AssetCatalog } from './application/asset-catalog.js';
import { Clock } from './application/clock.js';
import { ChangeAssetDetailsHandler } from './application/change-asset-details.handler.js';
import { WithdrawLedgerBalancesHandler } from './application/withdraw-ledger-balances.handler.js';
import { WithdrawOpeningHoldingsHandler } from './application/withdraw-opening-holdings.handler.js';
import { ImportRegisterHandler } from './application/import-register.handler.js';
import { CloseStocktakeHandler } from './application/close-stocktake.handler.js';
import { DeclareLedgerBalancesHandler } from './application/declare-ledger-balances.handler.js';
import { DeclareOpeningHoldingsHandler } from './application/declare-opening-holdings.handler.js';
import { DisposeAssetHandler } from './application/dispose-asset.handler.js';
import { GetAssetHandler } from './application/get-asset.handler.js';
import { GetStocktakeHandler } from './application/get-stocktake.handler.js';
import { GetCountSheetFileHandler, GetCountSheetHandler } from './application/count-sheet.handler.js';
import { ImportCountsHandler } from './application/import-counts.handler.js';
import { HoldingsHandler } from './application/holdings.handler.js';
import { ListAssetsHandler } from './application/list-assets.handler.js';
import { MoveAssetHandler } from './application/move-asset.handler.js';
import { OpenStocktakeHandler } from './application/open-stocktake.handler.js';
import { PurchaseAssetsReader } from './application/purchase-assets.reader.js';
import { ReconciliationHandler } from './application/reconciliation.handler.js';
import { RecordCountsHandler } from './application/record-counts.handler.js';
import { RegisterAssetHandler } from './application/register-asset.handler.js';
import { AssetProjection } from './infrastructure/asset.projection.js';
import { DepreciationProjection } from './infrastructure/depreciation.projection.js';
import { DepreciationRepository } from './infrastructure/depreciation.repository.js';
import { DepreciationController } from './api/depreciation.controller.js';
import { DepreciationReader } from './application/depreciation.reader.js';
import { DepreciationYearHandler } from './application/depreciation-year.handler.js';
import { PostDepreciationHandler } from './application/post-depreciation.handler.js';
import { ReverseDepreciationHandler } from './application/reverse-depreciation.handler.js';
import { AssetRepository } from './infrastructure/asset.repository.js';
import { HoldingsProjection } from './infrastructure/holdings.projection.js';
import { StocktakeProjection } from './infrastructure/stocktake.projection.js';
import { StocktakeRepository } from './infrastructure/stocktake.repository.js';

/**
 * The fixed-asset register: cards, holdings, acceptance → cards, stocktakes, reconciliation.
 * It reads procurement only through `procurement/index.ts` (PurchaseAccepted and the purchase
 * streams, decoded with procurement's definitions) and imports no procurement module;
 * ProcurementModule imports this one for the PurchaseAssets port it implements.
 */
@Module({
  imports: [CatalogModule],
  controllers: [AssetController, HoldingsController, StocktakeController, DepreciationController],
  providers: [
    Clock,
    AssetCatalog,
    AssetRepository,
    StocktakeRepository,
    AssetProjection,
    HoldingsProjection,
    StocktakeProjection,
    DepreciationRepository,
    DepreciationProjection,
    DepreciationReader,
    PostDepreciationHandler,
    ReverseDepreciationHandler,
    DepreciationYearHandler,
    AcceptanceCardsReactor,
    RegisterAssetHandler,
    MoveAssetHandler,
    DisposeAssetHandler,
    ImportRegisterHandler,
    ChangeAssetDetailsHandler,
    DeclareOpeningHoldingsHandler,
    DeclareLedgerBalancesHandler,
    WithdrawOpeningHoldingsHandler,
    WithdrawLedgerBalancesHandler,
    OpenStocktakeHandler,
    RecordCountsHandler,
    CloseStocktakeHandler,
    ImportCountsHandler,
    GetCountSheetHandler,
    GetCountSheetFileHandler,
    GetAssetHandler,
    ListAssetsHandler,
    HoldingsHandler,
    ReconciliationHandler,
    GetStocktakeHandler,
    PurchaseAssetsReader,
    // Procurement's port, implemented here: procurement asks, the register answers.
    { provide: PurchaseAssets, useExisting: PurchaseAssetsReader },
  ],
  exports: [PurchaseAssets, DeclareOpeningHoldingsHandler, AssetRepository],
})
export class AssetsModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRegistry,
    private readonly reactors: ReactorRegistry,
    private readonly assets: AssetProjection,
    private readonly declarations: HoldingsProjection,
    private readonly stocktakes: StocktakeProjection,
    private readonly depreciation: DepreciationProjection,
    private readonly acceptanceCards: AcceptanceCardsReactor,
  ) {}

  /**
   * Everything the register's events, and the purchase events it follows, trigger on append:
   * - AssetRegistered, AssetMoved, AssetDisposed → AssetProjection (asset_cards);
   * - PurchaseAccepted (procurement's) → AssetProjection (asset_purchase_acceptances), then
   *   AcceptanceCardsReactor, which appends an AssetRegistered per card in the same transaction
   *   (those go through the projections above in turn);
   * - OpeningHoldingsDeclared, LedgerBalancesDeclared → HoldingsProjection
   *   (asset_opening_holdings, asset_ledger_balances);
   * - StocktakeOpened, AssetsCounted (AssetCounted in older logs), SurplusAssetFound, UncardedCounted, StocktakeClosed → StocktakeProjection
   *   (stocktakes, stocktake_items, stocktake_surpluses);
   * - DepreciationPosted, DepreciationReversed → DepreciationProjection (depreciation_months).
   * No other context reacts to these events (the cross-checks ignore them); after commit, the
   * event log's metrics and live tail, as for every append. Registered in this order, before
   * ProcurementModule's (which imports this module).
   */
  onModuleInit(): void {
    this.projections.register(this.assets);
    this.projections.register(this.declarations);
    this.projections.register(this.stocktakes);
    this.projections.register(this.depreciation);
    this.reactors.register(this.acceptanceCards);
  }
}
