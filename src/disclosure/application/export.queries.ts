import { Query } from '@nestjs/cqrs';
import type { TableFile, TableFormat } from './table-files.js';

export class ExportProcurementQuery extends Query<TableFile> {
  constructor(
    readonly department: string,
    readonly year: number,
    readonly format: TableFormat,
  ) {
    super();
  }
}

export class ExportBasicExpenditureQuery extends Query<TableFile> {
  constructor(
    readonly department: string,
    readonly year: number,
    readonly format: TableFormat,
  ) {
    super();
  }
}

export class ExportFixedAssetsQuery extends Query<TableFile> {
  constructor(
    readonly department: string,
    /** YYYY-MM-DD; undefined means today. */
    readonly asOf: string | undefined,
    readonly format: TableFormat,
  ) {
    super();
  }
}

export class ExportDepreciationQuery extends Query<TableFile> {
  constructor(
    readonly department: string,
    readonly year: number,
    readonly format: TableFormat,
  ) {
    super();
  }
}
