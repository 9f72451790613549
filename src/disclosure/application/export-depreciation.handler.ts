import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DepreciationYearQuery, type DepreciationYearView } from '../../assets/index.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { yuanToFen } from '../../common/money/money.js';
import { depreciationTable } from '../domain/depreciation-table.js';
import { DepartmentRepository } from '../infrastructure/department.repository.js';
import { ExportDepreciationQuery } from './export.queries.js';
import { tableFile, type TableFile } from './table-files.js';

/** The year's depreciation schedule: figures of its last posted month, charges of all its posted months. */
@QueryHandler(ExportDepreciationQuery)
export class ExportDepreciationHandler implements IQueryHandler<ExportDepreciationQuery, TableFile> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ department, year, format }: ExportDepreciationQuery): Promise<TableFile> {
    const view: DepreciationYearView = await this.queries.execute(new DepreciationYearQuery(department, year));
    const last = view.months.at(-1);
    if (!last) {
      throw new NotFoundError('DEPRECIATION.YEAR_NOT_POSTED', `${department} has no posted depreciation month in ${year}`, 'year');
    }
    const table = depreciationTable(
      { code: department, name: await this.departments.currentName(department) },
      year,
      last.yearMonth,
      last.categories.map((c) => ({
        category: c.category,
        originalValue: yuanToFen(c.originalValue),
        accumulated: yuanToFen(c.accumulatedDepreciation),
        charge: yuanToFen(view.charges.find((x) => x.category === c.category)?.charge ?? '0.00'),
      })),
    );
    return tableFile(table, format, `${department}-${year}-固定资产折旧情况表`);
  }
}
