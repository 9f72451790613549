import { type IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { HoldingsQuery, type HoldingsView } from '../../assets/index.js';
import { BudgetRepository } from '../../budget/index.js';
import { yuanToFen } from '../../common/money/money.js';
import { storedSplit } from './funding-split.js';
import { PurchaseRepository } from '../../procurement/index.js';
import { basicExpenditureTable, type ExportDepartment, fixedAssetsTable, procurementTable } from '../domain/export-tables.js';
import { DepartmentRepository } from '../infrastructure/department.repository.js';
import { ExportBasicExpenditureQuery, ExportFixedAssetsQuery, ExportProcurementQuery } from './export.queries.js';
import { tableFile, type TableFile } from './table-files.js';

async function departmentOf(departments: DepartmentRepository, code: string): Promise<ExportDepartment> {
  return { code, name: await departments.currentName(code) };
}

@QueryHandler(ExportProcurementQuery)
export class ExportProcurementHandler implements IQueryHandler<ExportProcurementQuery, TableFile> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly budgets: BudgetRepository,
    private readonly purchases: PurchaseRepository,
  ) {}

  async execute({ department, year, format }: ExportProcurementQuery): Promise<TableFile> {
    const reference = await this.budgets.currentReference(department, year);
    const plans = await this.purchases.currentLivePlans(department, year);
    const table = procurementTable(
      await departmentOf(this.departments, department),
      year,
      plans.map(({ plan }) => ({
        projectCode: plan.projectCode,
        itemName: plan.itemName,
        catalogCode: plan.catalogCode,
        unit: plan.unit,
        quantity: plan.quantity,
        unitPrice: yuanToFen(plan.unitPrice),
        amount: yuanToFen(plan.amount),
        funding: storedSplit(plan.funding),
        smeReserved: yuanToFen(plan.smeReserved),
      })),
      new Map(reference.projects.map((p) => [p.projectCode, { name: p.name, budget: p.budget }])),
    );
    return tableFile(table, format, `${department}-${year}-部门政府采购预算`);
  }
}

@QueryHandler(ExportBasicExpenditureQuery)
export class ExportBasicExpenditureHandler implements IQueryHandler<ExportBasicExpenditureQuery, TableFile> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly budgets: BudgetRepository,
  ) {}

  async execute({ department, year, format }: ExportBasicExpenditureQuery): Promise<TableFile> {
    const reference = await this.budgets.currentReference(department, year);
    const table = basicExpenditureTable(await departmentOf(this.departments, department), year, reference.lines);
    return tableFile(table, format, `${department}-${year}-一般公共预算基本支出表`);
  }
}

@QueryHandler(ExportFixedAssetsQuery)
export class ExportFixedAssetsHandler implements IQueryHandler<ExportFixedAssetsQuery, TableFile> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ department, asOf, format }: ExportFixedAssetsQuery): Promise<TableFile> {
    const holdings: HoldingsView = await this.queries.execute(new HoldingsQuery(department, asOf));
    const table = fixedAssetsTable(
      await departmentOf(this.departments, department),
      holdings.asOf,
      holdings.categories.map((c) => ({ category: c.category, count: BigInt(c.count), value: yuanToFen(c.value) })),
    );
    return tableFile(table, format, `${department}-${holdings.asOf}-部门固定资产占用情况表`);
  }
}
