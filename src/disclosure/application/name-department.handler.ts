import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideDepartmentName, evolveDepartment, NO_DEPARTMENT } from '../domain/department.js';
import { departmentEvents } from '../domain/disclosure.events.js';
import { departmentStreamId } from '../infrastructure/streams.js';
import { NameDepartmentCommand, type DepartmentView } from './department.commands.js';

@CommandHandler(NameDepartmentCommand)
export class NameDepartmentHandler implements ICommandHandler<NameDepartmentCommand, DepartmentView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
  ) {}

  execute(command: NameDepartmentCommand): Promise<DepartmentView> {
    return this.runner.run(command.context, async (tx) => {
      await this.within(tx, command);
      return { code: command.code, name: command.name.trim() };
    });
  }

  /** Inside a caller's transaction (a disclosure import names its department); returns the events written. */
  async within(tx: Tx, { code, name }: Pick<NameDepartmentCommand, 'code' | 'name'>): Promise<number> {
    const { events } = await this.streams.run(tx, {
      streamId: departmentStreamId(code),
      codec: departmentEvents,
      initial: NO_DEPARTMENT,
      evolve: evolveDepartment,
      // Unreachable (created on first write); the access guard has checked the department.
      notFound: () => new NotFoundError('DEPARTMENT.NOT_FOUND', `No department ${code}`, 'dept'),
      create: { department: code, budgetYear: null },
      decide: (state) => decideDepartmentName(state, code, name),
    });
    return events.length;
  }
}
