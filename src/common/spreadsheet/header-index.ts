import { cellAt, type SheetRow } from './sheet-rows.js';

/**
 * Finds columns by their header text. Header cells are compared after trimming and removing
 * inner whitespace and line breaks, since spreadsheets often wrap long Chinese headers
 * ("政府采购\n金额") and people type stray spaces.
 */
export class HeaderIndex {
  private readonly columns = new Map<string, number>();

  constructor(readonly header: SheetRow) {
    header.cells.forEach((cell, column) => {
      const name = normalizeHeader(cell);
      if (name !== '' && !this.columns.has(name)) this.columns.set(name, column);
    });
  }

  /** The 0-based column of the first header cell with this name, or undefined. */
  column(name: string): number | undefined {
    return this.columns.get(normalizeHeader(name));
  }

  has(name: string): boolean {
    return this.column(name) !== undefined;
  }

  /** The names among `names` that the header lacks. */
  missing(names: readonly string[]): string[] {
    return names.filter((name) => !this.has(name));
  }

  /** The cell of `row` under header `name`, trimmed; '' when the column or cell is absent. */
  get(row: SheetRow, name: string): string {
    const column = this.column(name);
    return column === undefined ? '' : cellAt(row, column).trim();
  }
}

export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '');
}
