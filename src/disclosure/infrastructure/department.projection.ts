import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { departmentEvents } from '../domain/disclosure.events.js';

@Injectable()
export class DepartmentProjection implements Projection {
  readonly name = 'departments';
  readonly tables = ['departments'] as const;

  async apply(tx: EntityManager, stored: StoredEvent): Promise<void> {
    const event = departmentEvents.decodeIfOurs(stored);
    if (!event) return;
    await tx.query(`INSERT INTO departments (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`, [
      event.data.code,
      event.data.name,
    ]);
  }
}
