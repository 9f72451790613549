import { ValidationError } from '../errors/domain-error.js';
import { CONTROL_EXCEPT_LAYOUT, CONTROL_EXCEPT_LINES, unsafeText } from '../validation/text-rules.js';
import { isBlankRow, type SheetRow } from './sheet-rows.js';

/**
 * An uploaded file is refused, naming `file` and where in it, when a cell holds what a JSON
 * field may not (common/validation/text-rules.ts): a file must not be a way around the rules of
 * the routes that take the same data as JSON. Checked before any row is read, so nothing is
 * written. A cell may hold tab and line breaks (Alt+Enter in Excel).
 */
export function requireSafeCells(rows: readonly SheetRow[]): void {
  const header = rows.find((r) => !isBlankRow(r));
  for (const row of rows) {
    for (const [i, cell] of row.cells.entries()) {
      const problem = unsafeText(cell, CONTROL_EXCEPT_LINES);
      if (!problem) continue;
      const named = row !== header ? header?.cells[i]?.trim() : undefined;
      const column = named || `#${i + 1}`;
      throw new ValidationError(
        'SHEET.UNSAFE_TEXT',
        `file: row ${row.number}, column ${column} contains ${problem}, which the register does not store`,
        'file',
        { row: row.number, column },
      );
    }
  }
}

/** The same for an uploaded text document, by line (tabs, line breaks and form feeds belong in one). */
export function requireSafeDocument(text: string): void {
  const problem = unsafeText(text, CONTROL_EXCEPT_LAYOUT);
  if (!problem) return;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => unsafeText(l, CONTROL_EXCEPT_LAYOUT) !== null) + 1;
  throw new ValidationError('SHEET.UNSAFE_TEXT', `file: line ${line} contains ${problem}, which the register does not store`, 'file', {
    line,
  });
}
