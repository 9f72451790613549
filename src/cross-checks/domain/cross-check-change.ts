import { canonical } from '../../common/json/canonical.js';
import type { CrossCheckChanged } from './cross-check.events.js';
import { statusOf } from './evaluate.js';
import type { Finding } from './finding.js';

/** A finding as events carry it: the purchases behind it are read at query time, never recorded. */
export function withoutPurchases({ refs: { purchaseIds: _ids, ...refs }, ...finding }: Finding): Finding {
  return { ...finding, refs };
}

/**
 * A finding's identity is the whole finding but its purchase ids: rule, severity, message,
 * amounts and refs (sorted sets of lines, projects, sources). So a changed difference or line
 * name is the old finding resolved and a new one added, and the current set folded from the
 * stream is always exactly what a fresh evaluation shows; another purchase that changes no sum
 * changes no finding.
 */
export const findingKey = (finding: Finding): string => canonical(withoutPurchases(finding));

/** The event to append when the set of findings changed; none when it did not. */
export function decideCrossCheckChange(previous: readonly Finding[], next: readonly Finding[]): CrossCheckChanged[] {
  const before = new Set(previous.map(findingKey));
  const after = new Set(next.map(findingKey));
  const added = next.filter((f) => !before.has(findingKey(f))).map(withoutPurchases);
  const resolved = previous.filter((f) => !after.has(findingKey(f))).map(withoutPurchases);
  if (added.length === 0 && resolved.length === 0) return [];
  return [{ type: 'CrossCheckChanged', data: { status: statusOf(next), added, resolved } }];
}

/** The current set after a change: what folding the stream gives. */
export function applyCrossCheckChange(current: readonly Finding[], event: CrossCheckChanged): Finding[] {
  const resolved = new Set(event.data.resolved.map(findingKey));
  return [...current.filter((f) => !resolved.has(findingKey(f))), ...event.data.added];
}
