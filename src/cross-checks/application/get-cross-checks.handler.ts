import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CrossCheckView } from './cross-check.view.js';
import { evaluateCrossChecks } from '../domain/evaluate.js';
import { CrossCheckRepository } from '../infrastructure/cross-check.repository.js';
import { CrossCheckInputReader } from './cross-check-input.reader.js';
import { GetCrossChecksQuery } from './get-cross-checks.query.js';

/**
 * Evaluates the rules afresh on one snapshot, together with the newest position of the
 * department-year's events in that same snapshot. Every committed write that could change a
 * finding re-evaluated under the department-year's lock before it committed, so this equals the
 * state the last CrossCheckChanged in the snapshot left (it also lists the rules it could not
 * apply, which events do not carry).
 */
@QueryHandler(GetCrossChecksQuery)
export class GetCrossChecksHandler implements IQueryHandler<GetCrossChecksQuery, CrossCheckView> {
  constructor(
    private readonly crossChecks: CrossCheckRepository,
    private readonly inputs: CrossCheckInputReader,
  ) {}

  execute({ department, budgetYear }: GetCrossChecksQuery): Promise<CrossCheckView> {
    return this.crossChecks.snapshot(async (tx) => {
      const position = await this.crossChecks.position(tx, department, budgetYear);
      const result = evaluateCrossChecks(await this.inputs.read(tx, department, budgetYear, true));
      // A finding with no purchase behind it (a budget line without plans) lists none.
      const findings = result.findings.map((f) => ({ ...f, refs: { ...f.refs, purchaseIds: f.refs.purchaseIds ?? [] } }));
      return { department, budgetYear, ...result, findings, checkedAt: new Date().toISOString(), position };
    });
  }
}
