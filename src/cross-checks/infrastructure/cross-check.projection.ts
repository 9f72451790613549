import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '../../event-log/index.js';
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
    const { added, resolved } = event.data;
    const key = [stored.department, stored.budgetYear];
    if (resolved.length > 0) {
      await tx.query(`DELETE FROM cross_check_findings WHERE department = $1 AND budget_year = $2 AND finding_key = ANY($3::text[])`, [
        ...key,
        resolved.map(findingDigest),
      ]);
    }
    for (const finding of added) {
      await tx.query(
        `INSERT INTO cross_check_findings (department, budget_year, finding_key, rule, severity, finding)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [...key, findingDigest(finding), finding.rule, finding.severity, JSON.stringify(finding)],
      );
    }
  }
}
