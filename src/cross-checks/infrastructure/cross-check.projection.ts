import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { prepared } from '../../database/sql.js';
import { crossCheckEvents } from '../domain/cross-check.events.js';
import { isCrossCheckStream } from './cross-check-stream.js';
import { findingDigest } from './cross-check.repository.js';

/** The current findings of each department-year, folded from its CrossCheckChanged events. */
@Injectable()
export class CrossCheckProjection implements Projection {
  readonly name = 'cross-checks';
  readonly tables = ['cross_check_findings'] as const;

  async apply(tx: EntityManager, stored: StoredEvent): Promise<void> {
    if (!isCrossCheckStream(stored.streamId)) return;
    const event = crossCheckEvents.decodeIfOurs(stored);
    if (!event) return;
    // A v1/v2 event upcast to v3 may resolve and add the same finding once its purchase ids are
    // gone (the purchase set changed, nothing else): for the table that is no change.
    const addedKeys = new Set(event.data.added.map(findingDigest));
    const resolvedKeys = new Set(event.data.resolved.map(findingDigest));
    const added = event.data.added.filter((f) => !resolvedKeys.has(findingDigest(f)));
    const resolved = [...resolvedKeys].filter((k) => !addedKeys.has(k));
    if (added.length === 0 && resolved.length === 0) return;
    // The whole change in one statement; upcast findings that became equal are stored once.
    await tx.query(CHANGE_FINDINGS, [
      stored.department,
      stored.budgetYear,
      resolved,
      added.map(findingDigest),
      added.map((f) => f.rule),
      added.map((f) => f.severity),
      added.map((f) => JSON.stringify(f)),
    ]);
  }
}

const CHANGE_FINDINGS = prepared(`
  WITH resolved AS (
    DELETE FROM cross_check_findings WHERE department = $1 AND budget_year = $2 AND finding_key = ANY($3::text[]))
  INSERT INTO cross_check_findings (department, budget_year, finding_key, rule, severity, finding)
  SELECT $1, $2, f.finding_key, f.rule, f.severity, f.finding::jsonb
  FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS f(finding_key, rule, severity, finding)
  ON CONFLICT DO NOTHING`);
