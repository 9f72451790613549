import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { attachmentDisposition, buildXlsx } from '../../common/spreadsheet/index.js';
import { SHEET_FUNDING_COLUMNS, SHEET_HEADER, SHEET_UNITS } from '../domain/purchase-sheet.js';
import { ProcurementTemplateQuery } from './import-purchases.command.js';
import type { TableFile } from './table-files.js';

/** Rows offered with drop-downs; more can be added by copying a row. */
const TEMPLATE_ROWS = 500;

/** The procurement-plan template: the header, one example row (the seed's shredder), drop-downs for 计量单位 and the funding columns. */
@QueryHandler(ProcurementTemplateQuery)
export class ProcurementTemplateHandler implements IQueryHandler<ProcurementTemplateQuery, TableFile> {
  async execute(): Promise<TableFile> {
    const example = [
      'P001',
      '2024年初预算日常公用经费项目（三保）',
      '碎纸机',
      'A02021301',
      '个',
      { integer: '1' },
      { decimal: '1900.00' },
      { decimal: '1900.00' },
    ];
    const funding = SHEET_FUNDING_COLUMNS.map(([source]) => (source === 'general_budget' ? { decimal: '1900.00' } : null));
    const unitColumn = SHEET_HEADER.indexOf('计量单位') + 1;
    const fundingColumns = SHEET_FUNDING_COLUMNS.map(([, name]) => SHEET_HEADER.indexOf(name) + 1);
    const body = await buildXlsx([
      {
        name: '政府采购预算',
        rows: [SHEET_HEADER, [...example, ...funding, { decimal: '1900.00' }]],
        headerRowCount: 1,
        columnWidths: SHEET_HEADER.map((h) => Math.max(10, h.length * 2 + 2)),
        // 计量单位 suggests the common units (any other may be typed); a funding column takes an amount ≥ 0 or nothing.
        validations: [{ column: unitColumn, fromRow: 2, toRow: TEMPLATE_ROWS, values: SHEET_UNITS, strict: false }],
        decimalValidations: fundingColumns.map((column) => ({ column, fromRow: 2, toRow: TEMPLATE_ROWS, min: 0 })),
      },
    ]);
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentDisposition: attachmentDisposition('政府采购预算导入模板.xlsx'),
      body,
    };
  }
}
