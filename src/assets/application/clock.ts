import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { businessToday } from '../../database/business-day.js';

/** Today's business day (database/business-day.ts). A provider, so tests can pin the day. */
@Injectable()
export class Clock {
  constructor(private readonly dataSource: DataSource) {}

  /** In a command, pass its transaction's manager: on PGlite a second checkout would wait for it. */
  today(db: EntityManager = this.dataSource.manager): Promise<string> {
    return businessToday(db);
  }
}
