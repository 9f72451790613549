import { Query } from '@nestjs/cqrs';
import type { CrossCheckView } from './cross-check.view.js';

export class GetCrossChecksQuery extends Query<CrossCheckView> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
  ) {
    super();
  }
}
