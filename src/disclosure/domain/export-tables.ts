import type { FundingSource, FundingSplit } from '../../common/funding/funding.js';
import { sumFen, type Fen } from '../../common/money/money.js';
import { amountOrBlank, type OfficialTable, roundingNote, type TableCell } from './official-table.js';

export interface ExportPurchase {
  readonly projectCode: string;
  readonly itemName: string;
  readonly catalogCode: string;
  readonly unit: string;
  readonly quantity: string;
  readonly unitPrice: Fen;
  readonly amount: Fen;
  readonly funding: FundingSplit;
  readonly smeReserved: Fen;
}

export interface ExportDepartment {
  readonly code: string;
  /** Null when the registry has no name: the code alone heads the table. */
  readonly name: string | null;
}

/** 政府采购金额's funding columns, headed as the official table heads them. */
const FUNDING_COLUMNS: readonly [FundingSource, string][] = [
  ['general_budget', '一般公共预算拨款'],
  ['gov_fund', '基金预算拨款'],
  ['state_capital', '国有资本经营预算拨款'],
  ['fiscal_special_account', '财政专户核拨'],
  ['unit_funds', '单位资金'],
  ['carry_over', '上年结转结余'],
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const heading = (d: ExportDepartment) => (d.name ? `${d.code} ${d.name}` : d.code);

/**
 * 部门政府采购预算 in the official layout: 政府采购项目来源 (项目名称, 预算资金), 采购物品名称,
 * 政府采购目录序号, 计量单位, 数量, 单价, 政府采购金额 (合计 and the six funding columns),
 * 预留中小微企业份额; the 合计 row, then the unit's 小计 row, then the rows in table order.
 */
export function procurementTable(
  department: ExportDepartment,
  year: number,
  purchases: readonly ExportPurchase[],
  projects: ReadonlyMap<string, { name: string; budget: Fen }>,
): OfficialTable {
  const fundingTotals = FUNDING_COLUMNS.map(([source]) => sumFen(purchases.map((p) => p.funding[source] ?? 0n)));
  const total = sumFen(purchases.map((p) => p.amount));
  const sme = sumFen(purchases.map((p) => p.smeReserved));
  const totals: TableCell[] = [amountOrBlank(total), ...fundingTotals.map(amountOrBlank), amountOrBlank(sme)];
  const unitName = `${department.name ?? department.code}本级`;
  const projectName = (p: ExportPurchase) => projects.get(p.projectCode)?.name ?? p.projectCode;
  // Grouped by project as the official table prints them, by catalog code within a project.
  const rows = [...purchases].sort(
    (a, b) => compare(projectName(a), projectName(b)) || compare(a.catalogCode, b.catalogCode) || compare(a.itemName, b.itemName),
  );
  const notes = [
    roundingNote(
      '政府采购金额',
      purchases.map((p) => p.amount),
      total,
    ),
    roundingNote(
      '预留中小微企业份额',
      purchases.map((p) => p.smeReserved),
      sme,
    ),
    ...FUNDING_COLUMNS.map(([source, name], i) =>
      roundingNote(
        name,
        purchases.map((p) => p.funding[source] ?? 0n),
        fundingTotals[i],
      ),
    ),
  ].filter((n): n is string => n !== null);
  return {
    sheetName: '部门政府采购预算',
    titles: ['部门政府采购预算', `${heading(department)} 预算年度：${year} 单位：万元`],
    header: [
      [
        '政府采购项目来源',
        null,
        '采购物品名称',
        '政府采购目录序号',
        '计量单位',
        '数量',
        '单价',
        '政府采购金额',
        null,
        null,
        null,
        null,
        null,
        null,
        '预留中小微企业份额',
      ],
      ['项目名称', '预算资金', null, null, null, null, null, '合计', ...FUNDING_COLUMNS.map(([, name]) => name), null],
    ],
    headerMerges: [
      { fromRow: 0, fromCol: 0, toRow: 0, toCol: 1 },
      ...[2, 3, 4, 5, 6, 14].map((col) => ({ fromRow: 0, fromCol: col, toRow: 1, toCol: col })),
      { fromRow: 0, fromCol: 7, toRow: 0, toCol: 13 },
    ],
    rows: [
      ['合计', null, null, null, null, null, null, ...totals],
      [unitName, null, '小计', null, null, null, null, ...totals],
      ...rows.map((p): TableCell[] => {
        const project = projects.get(p.projectCode);
        return [
          projectName(p),
          project ? { fen: project.budget } : null,
          p.itemName,
          p.catalogCode,
          p.unit,
          { quantity: p.quantity },
          { fen: p.unitPrice },
          { fen: p.amount },
          ...FUNDING_COLUMNS.map(([source]) => amountOrBlank(p.funding[source])),
          amountOrBlank(p.smeReserved),
        ];
      }),
    ],
    notes,
    columnWidths: [28, 10, 20, 14, 8, 8, 10, 10, 12, 10, 12, 10, 10, 10, 12],
  };
}

export interface ExportHolding {
  readonly category: string;
  readonly count: bigint;
  readonly value: Fen;
}

/** 部门固定资产占用情况表: 项目, 数量, 价值（金额单位：万元）, the categories held, 合计; 截止时间 in the title. */
export function fixedAssetsTable(department: ExportDepartment, asOf: string, holdings: readonly ExportHolding[]): OfficialTable {
  const held = holdings.filter((h) => h.count !== 0n || h.value !== 0n);
  const total = sumFen(held.map((h) => h.value));
  const note = roundingNote(
    '价值',
    held.map((h) => h.value),
    total,
  );
  return {
    sheetName: '部门固定资产占用情况表',
    titles: ['部门固定资产占用情况表', `${heading(department)} 截止时间：${asOf}`],
    header: [['项目', '数量', '价值（金额单位：万元）']],
    headerMerges: [],
    rows: [
      ...held.map((h): TableCell[] => [h.category, { count: h.count }, { fen: h.value }]),
      ['合计', { count: held.reduce((n, h) => n + h.count, 0n) }, { fen: total }],
    ],
    notes: note ? [note] : [],
    columnWidths: [24, 10, 24],
  };
}

export interface ExportLine {
  readonly economicCode: string;
  readonly name: string;
  readonly amount: Fen;
}

/**
 * 一般公共预算基本支出 by economic line: 类 lines with their 款 lines under them, and 合计 = Σ 类
 * lines (a 款 whose 类 is not in the register still shows, and counts in no total).
 */
export function basicExpenditureTable(department: ExportDepartment, year: number, lines: readonly ExportLine[]): OfficialTable {
  const sorted = [...lines].sort((a, b) => compare(a.economicCode, b.economicCode));
  const parents = sorted.filter((l) => l.economicCode.length === 3);
  const total = sumFen(parents.map((l) => l.amount));
  const notes = [
    roundingNote(
      '类级科目',
      parents.map((l) => l.amount),
      total,
    ),
  ];
  for (const parent of parents) {
    const children = sorted.filter((l) => l.economicCode.length === 5 && l.economicCode.startsWith(parent.economicCode));
    if (children.length > 0)
      notes.push(
        roundingNote(
          `${parent.economicCode} ${parent.name} 的款级科目`,
          children.map((c) => c.amount),
          parent.amount,
        ),
      );
  }
  return {
    sheetName: '一般公共预算基本支出表',
    titles: ['部门预算一般公共预算财政拨款基本支出表', `${heading(department)} 预算年度：${year} 单位：万元`],
    header: [['科目编码', '科目名称', '合计']],
    headerMerges: [],
    rows: [['合计', null, { fen: total }], ...sorted.map((l): TableCell[] => [l.economicCode, l.name, { fen: l.amount }])],
    notes: notes.filter((n): n is string => n !== null),
    columnWidths: [12, 30, 12],
  };
}
