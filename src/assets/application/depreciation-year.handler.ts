import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { monthIndex } from '../domain/year-month.js';
import { DepreciationRepository } from '../infrastructure/depreciation.repository.js';
import { DepreciationYearQuery } from './depreciation.commands.js';
import { yearView, type DepreciationYearView } from './depreciation.views.js';

@QueryHandler(DepreciationYearQuery)
export class DepreciationYearHandler implements IQueryHandler<DepreciationYearQuery, DepreciationYearView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly depreciation: DepreciationRepository,
  ) {}

  async execute({ department, year }: DepreciationYearQuery): Promise<DepreciationYearView> {
    const months = await this.depreciation.postedMonths(this.dataSource.manager, department, monthIndex(year, 1), monthIndex(year, 12));
    return yearView(department, year, months);
  }
}
