import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { depreciationEvents } from '../domain/depreciation.events.js';

const monthOf = (yearMonth: string) => Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;

/** The posted months of each department (depreciation_months): a posting adds its month, a reversal removes it. */
@Injectable()
export class DepreciationProjection implements Projection {
  readonly name = 'asset-depreciation';
  readonly tables = ['depreciation_months'] as const;

  async apply(tx: EntityManager, event: StoredEvent): Promise<void> {
    const e = depreciationEvents.decodeIfOurs(event);
    if (e?.type === 'DepreciationPosted') {
      const { contentHash, ...figures } = e.data;
      await tx.query(
        `INSERT INTO depreciation_months (department, month, year_month, content_hash, figures, position)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
        [event.department, monthOf(e.data.yearMonth), e.data.yearMonth, contentHash, JSON.stringify(figures), event.position],
      );
    } else if (e?.type === 'DepreciationReversed') {
      await tx.query(`DELETE FROM depreciation_months WHERE department = $1 AND month = $2`, [event.department, monthOf(e.data.yearMonth)]);
    }
  }
}
