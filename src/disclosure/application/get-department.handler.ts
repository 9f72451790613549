import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { DepartmentRepository } from '../infrastructure/department.repository.js';
import { GetDepartmentQuery, type DepartmentView } from './department.commands.js';

@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery, DepartmentView> {
  constructor(private readonly departments: DepartmentRepository) {}

  async execute({ code }: GetDepartmentQuery): Promise<DepartmentView> {
    const name = await this.departments.currentName(code);
    if (name === null) throw new NotFoundError('DEPARTMENT.NOT_FOUND', `Department ${code} has no name in the registry`, 'dept');
    return { code, name };
  }
}
