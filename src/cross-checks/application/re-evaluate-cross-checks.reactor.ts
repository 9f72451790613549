import { Injectable } from '@nestjs/common';
import type { BudgetEvent } from '../../budget/index.js';
import type { Tx } from '../../database/transaction-runner.js';
import { causedBy, type Reactor, type StoredEvent, StreamCommands } from '../../event-log/index.js';
import { isPurchaseStream, PURCHASE_EVENTS_PROJECTED_UNDER_LOCK, type PurchaseEvent } from '../../procurement/index.js';
import { decideCrossCheckChange } from '../domain/cross-check-change.js';
import { crossCheckEvents } from '../domain/cross-check.events.js';
import { evaluateCrossChecks } from '../domain/evaluate.js';
import { crossCheckStreamId } from '../infrastructure/cross-check-stream.js';
import { CrossCheckRepository } from '../infrastructure/cross-check.repository.js';
import { CrossCheckInputReader } from './cross-check-input.reader.js';

/** Facts the rules read; anything else (contracts, acceptances, assets) cannot change a finding. */
export const RELEVANT_EVENT_TYPES: ReadonlySet<string> = new Set<BudgetEvent['type'] | PurchaseEvent['type']>([
  'PurchasePlanned',
  'PurchaseAmended',
  'PurchaseCancelled',
  'BudgetLineSet',
  'ProjectRegistered',
  'ProjectRevised',
  'PlannedAssetPurchasesDeclared',
  'IncomeDeclared',
]);

/**
 * Re-evaluates a department-year's cross-checks in the transaction that changed one of its
 * facts, and appends CrossCheckChanged to `cross-checks-<dept>-<year>` when the set of findings
 * changed. Committing or rolling back with its cause, it can neither miss a change nor report
 * one that did not happen.
 */
@Injectable()
export class ReEvaluateCrossChecksReactor implements Reactor {
  readonly name = 'cross-checks';

  constructor(
    private readonly streams: StreamCommands,
    private readonly crossChecks: CrossCheckRepository,
    private readonly inputs: CrossCheckInputReader,
  ) {}

  async react(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    // The last relevant event per department-year: one evaluation each, caused by it.
    const causes = new Map<string, StoredEvent>();
    // Department-years whose lock this transaction already holds: the purchases projection took it
    // in the statement that projected a plan, amendment or cancellation (before this reactor runs).
    const locked = new Set<string>();
    for (const event of events) {
      if (RELEVANT_EVENT_TYPES.has(event.type) && event.budgetYear !== null) {
        const streamId = crossCheckStreamId(event.department, event.budgetYear);
        causes.set(streamId, event);
        if (isPurchaseStream(event.streamId) && PURCHASE_EVENTS_PROJECTED_UNDER_LOCK.has(event.type)) locked.add(streamId);
      }
    }
    for (const [streamId, cause] of causes) {
      await this.evaluate(causedBy(tx, cause), streamId, cause.department, cause.budgetYear!, locked.has(streamId));
    }
  }

  private async evaluate(tx: Tx, streamId: string, department: string, budgetYear: number, locked: boolean): Promise<void> {
    // Lock before reading anything: see CrossCheckRepository.lock.
    if (!locked) await this.crossChecks.lock(tx.manager, department, budgetYear);
    const { previous, input } = await this.inputs.readForEvaluation(tx.manager, department, budgetYear);
    const { findings } = evaluateCrossChecks(input);
    const change = decideCrossCheckChange(previous, findings);
    if (change.length === 0) return;
    // Under the lock nobody else appends to this stream, so "any" cannot interleave with a rival.
    await this.streams.record(tx, streamId, { department, budgetYear }, crossCheckEvents, change);
  }
}
