import type { Fen } from '../../common/money/money.js';

// One list of sources for the whole product; the budget lines use the same one.
import { FUNDING_SOURCES, type FundingSource } from '../../common/funding/funding.js';

export { FUNDING_SOURCES, type FundingSource };

/** A validated split: only sources with a positive part are present. */
export type FundingSplit = Readonly<Partial<Record<FundingSource, Fen>>>;

/**
 * A split as the API hands it over: keys are not trusted yet (an unknown one is a 400 naming
 * `funding.<key>`); zero or absent parts are dropped.
 */
export type FundingInput = Readonly<Record<string, Fen | undefined>>;

export function isFundingSource(key: string): key is FundingSource {
  return (FUNDING_SOURCES as readonly string[]).includes(key);
}
