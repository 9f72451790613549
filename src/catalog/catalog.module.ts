import { Module } from '@nestjs/common';
import { CatalogController } from './api/catalog.controller.js';
import { GetCatalogEntryHandler } from './application/get-catalog-entry.handler.js';
import { SearchCatalogHandler } from './application/search-catalog.handler.js';
import { CLASSIFICATION_2024 } from './data/classification.js';
import { Catalog } from './domain/catalog.js';
import { CapitalizationThresholds, Classifier } from './domain/classification.js';
import { capitalizationThresholdsProvider } from './infrastructure/capitalization-thresholds.provider.js';
import { loadCatalog } from './infrastructure/catalog.loader.js';

/**
 * The catalog and its classification, for other contexts to inject: `Catalog` (lookups, parent
 * chains, search), `Classifier` (asset category, default economic line, capitalization) and
 * `CapitalizationThresholds` (from AppConfig, in fen). Needs ConfigModule and CqrsModule.forRoot().
 */
@Module({
  controllers: [CatalogController],
  providers: [
    { provide: Catalog, useFactory: () => loadCatalog() },
    { provide: Classifier, useFactory: () => new Classifier(CLASSIFICATION_2024) },
    capitalizationThresholdsProvider,
    GetCatalogEntryHandler,
    SearchCatalogHandler,
  ],
  exports: [Catalog, Classifier, CapitalizationThresholds],
})
export class CatalogModule {}
