/** One row of a read sheet: its 1-based row number in the file and its cells as text. */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly string[];
}

/** The text of a cell by 0-based column; a missing cell is the empty string. */
export function cellAt(row: SheetRow, column: number): string {
  return row.cells[column] ?? '';
}

/** A row whose every cell is blank (a spacer line, a trailing line of a CSV). */
export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
