import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The department registry read model. `current*` is for queries; the other takes the command's transaction. */
@Injectable()
export class DepartmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  currentName(code: string): Promise<string | null> {
    return this.name(this.dataSource.manager, code);
  }

  async name(tx: EntityManager, code: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await tx.query(`SELECT name FROM departments WHERE code = $1`, [code]);
    return rows[0]?.name ?? null;
  }
}
