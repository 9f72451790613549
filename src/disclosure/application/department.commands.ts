import { Command, Query } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';

export interface DepartmentView {
  code: string;
  name: string;
}

export class NameDepartmentCommand extends Command<DepartmentView> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class GetDepartmentQuery extends Query<DepartmentView> {
  constructor(readonly code: string) {
    super();
  }
}
