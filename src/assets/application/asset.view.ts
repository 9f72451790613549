import { formatFunding, readFunding } from '../../common/funding/funding.js';
import { formatYuan } from '../../common/money/money.js';
import { categoryCode, storedCategory } from '../domain/asset-category.js';
import type { AssetStatus } from '../domain/asset.state.js';
import type { UsageState } from '../domain/asset-vocabulary.js';
import type { AssetRow } from '../infrastructure/asset.repository.js';

/** An asset card (资产卡片) as the API shows it; money in 元. */
export type AssetView = {
  id: string;
  /** 资产编号 */
  assetNo: string;
  version: number;
  department: string;
  name: string;
  catalogCode: string;
  catalogName: string;
  category: string;
  categoryCode: string;
  quantity: number;
  unit: string | null;
  originalValue: string;
  unitValue: string;
  acquiredOn: string;
  source: string;
  location: string | null;
  custodian: string | null;
  funding: Record<string, string>;
  economicCode: string | null;
  purchaseId: string | null;
  acceptanceId: string | null;
  brand: string | null;
  model: string | null;
  usingDepartment: string | null;
  financeEntryDate: string | null;
  voucherNo: string | null;
  /** 使用状况: in_use (在用), idle (闲置), leased (出租出借), pending_disposal (待处置). */
  usage: UsageState;
  status: AssetStatus;
  disposal: { disposedOn: string; method: string; reason: string } | null;
  registeredAt: string;
};

export function assetView(row: AssetRow): AssetView {
  const category = storedCategory(row.category);
  return {
    id: row.asset_id,
    assetNo: row.asset_no,
    version: row.version,
    department: row.department,
    name: row.name,
    catalogCode: row.catalog_code,
    catalogName: row.catalog_name,
    category,
    categoryCode: categoryCode(category),
    quantity: Number(row.quantity),
    unit: row.unit,
    originalValue: formatYuan(BigInt(row.value_fen)),
    unitValue: formatYuan(BigInt(row.unit_value_fen)),
    acquiredOn: row.acquired_on,
    source: row.source,
    location: row.location,
    custodian: row.custodian,
    // jsonb keeps its own key order; the API lists sources in the disclosure's column order.
    funding: formatFunding(readFunding(row.funding)),
    economicCode: row.economic_code,
    purchaseId: row.purchase_id,
    acceptanceId: row.acceptance_id,
    brand: row.brand,
    model: row.model,
    usingDepartment: row.using_department,
    financeEntryDate: row.finance_entry_date,
    voucherNo: row.voucher_no,
    usage: row.usage,
    status: row.status,
    disposal: row.disposed_on === null ? null : { disposedOn: row.disposed_on, method: row.disposal_method!, reason: row.disposal_reason! },
    registeredAt: new Date(row.registered_at).toISOString(),
  };
}
