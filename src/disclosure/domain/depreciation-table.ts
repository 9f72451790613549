import { formatYuan, sumFen, type Fen } from '../../common/money/index.js';
import type { ExportDepartment } from './export-tables.js';
import { type OfficialTable, roundingNote, type TableCell } from './official-table.js';

/** One category of the year's depreciation schedule, in fen. */
export interface ExportDepreciation {
  readonly category: string;
  /** 原值, 累计折旧 at the end of the year's last posted month. */
  readonly originalValue: Fen;
  /** 本年计提折旧: the year's posted charges. */
  readonly charge: Fen;
  readonly accumulated: Fen;
}

/**
 * A 元 amount as an exact decimal cell (the `quantity` cell kind prints the decimal as written:
 * a number with 2 decimals in xlsx, the text in CSV), beside the 万元 columns.
 */
const yuanCell = (fen: Fen): TableCell => ({ quantity: formatYuan(fen) });

const COLUMNS = ['原值', '本年计提折旧', '累计折旧', '净值'];

/**
 * 固定资产折旧情况表 of a year by category: 原值, 本年计提折旧, 累计折旧, 净值, first in 万元 (each row
 * rounded on its own, the 合计 from fen), then in 元 exactly. Categories without a card and
 * without a charge are left out, as the other tables leave empty rows out.
 */
export function depreciationTable(
  department: ExportDepartment,
  year: number,
  through: string,
  rows: readonly ExportDepreciation[],
): OfficialTable {
  const held = rows.filter((r) => r.originalValue !== 0n || r.charge !== 0n);
  const figures = (r: Omit<ExportDepreciation, 'category'>) => [r.originalValue, r.charge, r.accumulated, r.originalValue - r.accumulated];
  const total = {
    originalValue: sumFen(held.map((r) => r.originalValue)),
    charge: sumFen(held.map((r) => r.charge)),
    accumulated: sumFen(held.map((r) => r.accumulated)),
  };
  const line = (label: string, r: Omit<ExportDepreciation, 'category'>): TableCell[] => [
    label,
    ...figures(r).map((fen) => ({ fen })),
    ...figures(r).map(yuanCell),
  ];
  const notes = COLUMNS.map((name, i) =>
    roundingNote(
      name,
      held.map((r) => figures(r)[i]),
      figures(total)[i],
    ),
  ).filter((n): n is string => n !== null);
  return {
    sheetName: '固定资产折旧情况表',
    titles: ['固定资产折旧情况表', `${heading(department)} 年度：${year} 折旧计提至：${through}`],
    header: [
      ['项目', '金额单位：万元', null, null, null, '金额单位：元', null, null, null],
      [null, ...COLUMNS, ...COLUMNS],
    ],
    headerMerges: [
      { fromRow: 0, fromCol: 0, toRow: 1, toCol: 0 },
      { fromRow: 0, fromCol: 1, toRow: 0, toCol: 4 },
      { fromRow: 0, fromCol: 5, toRow: 0, toCol: 8 },
    ],
    rows: [...held.map((r) => line(r.category, r)), line('合计', total)],
    notes,
    columnWidths: [24, 14, 14, 14, 14, 18, 18, 18, 18],
  };
}

const heading = (d: ExportDepartment) => (d.name ? `${d.code} ${d.name}` : d.code);
