import type { EntityManager } from 'typeorm';
import type { CategoryFigures } from '../domain/category-figures.js';
import { heldFigures, uncardedFigures } from '../domain/holdings.js';
import type { AssetRepository } from '../infrastructure/asset.repository.js';

/**
 * The part of the opening declaration in force at `asOf` that no card stands for: its figures
 * minus the cards held as of its date. Empty without a declaration.
 */
export async function uncardedAsOf(db: EntityManager, assets: AssetRepository, department: string, asOf: string): Promise<CategoryFigures> {
  const opening = await assets.openingAsOf(db, department, asOf);
  if (!opening) return new Map();
  const { acquired, disposed } = await assets.movements(db, department, null, opening.asOf);
  return uncardedFigures(opening.figures, heldFigures({ opening: null, acquired, disposed }));
}
