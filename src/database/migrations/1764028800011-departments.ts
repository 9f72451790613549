import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Departments1764028800011 implements MigrationInterface {
  name = 'Departments1764028800011';

  async up(db: QueryRunner): Promise<void> {
    // The department registry (code → name), projected from DepartmentNamed.
    await db.query(`CREATE TABLE departments (code text NOT NULL PRIMARY KEY, name text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE departments`);
  }
}
