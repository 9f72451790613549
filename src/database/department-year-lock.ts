/**
 * The department-year lock: a transaction-scoped advisory lock that serializes everything judging
 * one department-year's purchases against its budget (cross-checks' evaluation). Its key is the
 * hash of the cross-check stream's id, `cross-checks-<dept>-<year>`.
 *
 * `department`, `year` and `when` (take it only if true) are SQL expressions (usually parameters). The lock is not taken during a
 * read-model rebuild (see REPLAY_SETTING): a replay evaluates nothing, holds the read models' table
 * locks already, and one advisory lock per department-year replayed would fill the server's lock
 * table (max_locks_per_transaction) on a large log.
 */
export function departmentYearLockSql(department: string, year: string, when = 'true'): string {
  return `CASE WHEN (${when}) AND current_setting('${REPLAY_SETTING}', true) IS DISTINCT FROM 'on'
    THEN pg_advisory_xact_lock(hashtextextended('cross-checks-' || ${department} || '-' || (${year})::text, 0)) END`;
}

/** Set (transaction-locally) by a read-model rebuild: projections replay, nothing is decided. */
export const REPLAY_SETTING = 'register.replaying';
