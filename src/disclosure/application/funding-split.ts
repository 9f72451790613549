import { FUNDING_SOURCES, type FundingSplit } from '../../common/funding/funding.js';
import { yuanToFen } from '../../common/money/money.js';

/** A stored split (元 strings by source, as events and read models carry it) in fen; zero parts dropped. */
export function storedSplit(parts: Readonly<Record<string, string | undefined>>): FundingSplit {
  const split: FundingSplit = {};
  for (const source of FUNDING_SOURCES) {
    const text = parts[source];
    if (text !== undefined && yuanToFen(text) > 0n) split[source] = yuanToFen(text);
  }
  return split;
}
