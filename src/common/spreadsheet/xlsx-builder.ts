import ExcelJS from 'exceljs';

/**
 * A decimal written by this system (e.g. "17.14" 万元). It becomes a number cell with format
 * `0.00`: xlsx can only store numbers as IEEE doubles, and a decimal with at most 15
 * significant digits survives that exactly (its shortest printed form is the same text).
 */
export interface DecimalCell {
  readonly decimal: string;
}

/** A whole number (a count, a quantity) written as a number cell with format `0`. */
export interface IntegerCell {
  readonly integer: string;
}

export type XlsxCell = string | DecimalCell | IntegerCell | null;

/** An in-cell drop-down list on one column for rows fromRow..toRow (1-based, inclusive). */
export interface ListValidation {
  readonly column: number;
  readonly fromRow: number;
  readonly toRow: number;
  readonly values: readonly string[];
  /** false: the list only suggests (any value may be typed). Default true: other values are refused. */
  readonly strict?: boolean;
}

/** An amount column: Excel refuses anything but a decimal ≥ `min` in rows fromRow..toRow (1-based, inclusive). */
export interface DecimalValidation {
  readonly column: number;
  readonly fromRow: number;
  readonly toRow: number;
  readonly min: number;
}

export interface XlsxSheet {
  readonly name: string;
  /** All rows in order, title and header rows first. Columns are 1-based in merges/validations. */
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Rows 1..headerRowCount are the header: bold, centred, frozen while scrolling. */
  readonly headerRowCount: number;
  /** Ranges such as "A1:L1" or "A2:B3", merged as in the official table. */
  readonly merges?: readonly string[];
  /** Width per column in characters, 1st column first. */
  readonly columnWidths?: readonly number[];
  readonly validations?: readonly ListValidation[];
  readonly decimalValidations?: readonly DecimalValidation[];
}

export const DECIMAL_FORMAT = '0.00';
const INTEGER_FORMAT = '0';

/** Builds an xlsx workbook with one worksheet per sheet, in order. */
export async function buildXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) addSheet(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, spec: XlsxSheet): void {
  const sheet = workbook.addWorksheet(spec.name, {
    views: spec.headerRowCount > 0 ? [{ state: 'frozen', ySplit: spec.headerRowCount, xSplit: 0 }] : [],
  });
  spec.rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 1);
    cells.forEach((cell, column) => writeCell(row.getCell(column + 1), cell));
    if (index < spec.headerRowCount) {
      row.font = { bold: true };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  });
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
  spec.columnWidths?.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  for (const validation of spec.validations ?? []) addListValidation(sheet, validation);
  for (const validation of spec.decimalValidations ?? []) addDecimalValidation(sheet, validation);
}

function writeCell(target: ExcelJS.Cell, cell: XlsxCell): void {
  if (cell === null) return;
  if (typeof cell === 'string') {
    target.value = cell;
  } else if ('decimal' in cell) {
    target.value = Number(cell.decimal);
    target.numFmt = DECIMAL_FORMAT;
  } else {
    target.value = Number(cell.integer);
    target.numFmt = INTEGER_FORMAT;
  }
}

function addListValidation(sheet: ExcelJS.Worksheet, validation: ListValidation): void {
  // A list formula is one quoted, comma-separated string, so the values themselves may not hold a comma or quote.
  const formula = `"${validation.values.map((value) => value.replace(/[",]/g, '')).join(',')}"`;
  for (let number = validation.fromRow; number <= validation.toRow; number++) {
    sheet.getRow(number).getCell(validation.column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: validation.strict ?? true,
    };
  }
}

function addDecimalValidation(sheet: ExcelJS.Worksheet, validation: DecimalValidation): void {
  for (let number = validation.fromRow; number <= validation.toRow; number++) {
    sheet.getRow(number).getCell(validation.column).dataValidation = {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [validation.min],
      showErrorMessage: true,
      error: `≥ ${validation.min}`,
    };
  }
}
