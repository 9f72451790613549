import { ValidationError } from '../../common/errors/domain-error.js';
import type { ImportProblem } from '../domain/register-import.js';

/** Enough to fix a file in one pass, small enough for one answer. */
const MAX_PROBLEMS_LISTED = 10_000;

/** Every bad cell of a file, by row: the one answer of an all-or-nothing import that wrote nothing. */
export function invalidRows(problems: ImportProblem[]): ValidationError {
  problems.sort((a, b) => a.row - b.row);
  const rows = new Set(problems.map((p) => p.row)).size;
  return new ValidationError(
    'IMPORT.INVALID_ROWS',
    `${problems.length} bad cell(s) in ${rows} row(s); nothing was imported. First: ${problems[0].message}`,
    'file',
    { problems: problems.slice(0, MAX_PROBLEMS_LISTED), problemCount: problems.length },
  );
}
