import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-log/domain/event.js';
import { type Projection, ProjectionRegistry } from '../../event-log/infrastructure/projection-registry.js';
import type { CrossCheckChanged } from '../domain/cross-check.events.js';
import { isCrossCheckStream } from './cross-check-stream.js';
import { findingDigest } from './cross-check.repository.js';

/** The current findings of each department-year, folded from its CrossCheckChanged events. */
@Injectable()
export class CrossCheckProjection implements Projection, OnModuleInit {
  readonly name = 'cross-checks';
  readonly tables = ['cross_check_findings'] as const;

  constructor(private readonly registry: ProjectionRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async apply(tx: EntityManager, stored: StoredEvent): Promise<void> {
    if (stored.type !== 'CrossCheckChanged' || !isCrossCheckStream(stored.streamId)) return;
    const { added, resolved } = (stored as unknown as StoredEvent & CrossCheckChanged).data;
    const key = [stored.department, stored.budgetYear];
    if (resolved.length > 0) {
      await tx.query(
        `DELETE FROM cross_check_findings WHERE department = $1 AND budget_year = $2 AND finding_key = ANY($3::text[])`,
        [...key, resolved.map(findingDigest)],
      );
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
