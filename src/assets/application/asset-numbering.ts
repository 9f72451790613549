import type { EntityManager } from 'typeorm';
import { formatAssetNo } from '../domain/asset-number.js';
import { yearOf } from '../domain/asset-rules.js';
import type { AssetDecisionContext } from '../domain/asset.commands.js';
import type { AssetRepository } from '../infrastructure/asset.repository.js';

/**
 * The numbering facts RegisterAsset is decided on: a given number checked against the
 * department's cards, or the department's next one for the year of acquisition.
 */
export async function numberingFor(
  tx: EntityManager,
  assets: AssetRepository,
  department: string,
  given: string | undefined,
  acquiredOn: string,
): Promise<NonNullable<AssetDecisionContext['assetNo']>> {
  if (given !== undefined) {
    return { generated: null, taken: typeof given === 'string' && (await assets.assetNoTaken(tx, department, given.trim())) };
  }
  const year = /^\d{4}-/.test(acquiredOn) ? yearOf(acquiredOn) : 0;
  const first = await assets.reserveAssetNos(tx, department, year, 1);
  return { generated: formatAssetNo(department, year, first), taken: false };
}

/** `count` consecutive numbers of the department-year, for the cards of one acceptance. */
export async function reserveNumbers(
  tx: EntityManager,
  assets: AssetRepository,
  department: string,
  acquiredOn: string,
  count: number,
): Promise<string[]> {
  const year = yearOf(acquiredOn);
  const first = await assets.reserveAssetNos(tx, department, year, count);
  return Array.from({ length: count }, (_, i) => formatAssetNo(department, year, first + i));
}
