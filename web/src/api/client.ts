/**
 * Every call the console makes to the register's public HTTP API, in one place: list shapes,
 * paths and headers change here only. The credential is the user's own (sent as a bearer token),
 * so the console can do nothing the API would refuse.
 */
import { session } from '../session';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Called on any 401: the credential is gone or wrong, so back to sign-in. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function authHeaders(): Record<string, string> {
  return session.token ? { Authorization: `Bearer ${session.token}`, 'Accept-Language': 'zh-CN' } : { 'Accept-Language': 'zh-CN' };
}

async function call<T>(method: string, path: string, options: { query?: Query; body?: unknown; ifMatch?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(), Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);
  const res = await fetch(url(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (body ?? {}) as Partial<ApiErrorBody>;
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(res.status, e.code ?? `HTTP.${res.status}`, e.message ?? res.statusText, e.field);
  }
  return body as T;
}

const get = <T>(path: string, query?: Query) => call<T>('GET', path, { query });
const put = <T>(path: string, body: unknown) => call<T>('PUT', path, { body });
const post = <T>(path: string, body: unknown) => call<T>('POST', path, { body });

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

const dy = (dept: string, year: number | string) => `/departments/${encodeURIComponent(dept)}/years/${encodeURIComponent(String(year))}`;
const d = (dept: string) => `/departments/${encodeURIComponent(dept)}`;

// ---- types of the answers the console reads -----------------------------------------------

export type FundingSource = 'general_budget' | 'gov_fund' | 'state_capital' | 'fiscal_special_account' | 'unit_funds' | 'carry_over';
export type Funding = Partial<Record<FundingSource, string>>;

export interface Credential {
  id: string;
  kind: string;
  roles: string[];
  departments: string[] | '*';
  permissions: string[];
}

export interface Project {
  projectCode: string;
  name: string;
  budget: string;
  budgetWan: string;
}
export interface BudgetLine {
  economicCode: string;
  name: string;
  parentCode: string | null;
  amount: string;
  amountWan: string;
  funding: Funding | null;
}
export interface Budget {
  department: string;
  budgetYear: number;
  projects: Project[];
  budgetLines: BudgetLine[];
  plannedAssetPurchases: { amount: string; amountWan: string } | null;
  income: (Funding & { total?: string; totalWan?: string }) | null;
}

export interface PurchasePlan {
  projectCode: string;
  itemName: string;
  catalogCode: string;
  catalogName?: string;
  procurementType?: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  funding: Funding;
  smeReserved?: string | null;
  economicCode?: string | null;
  economicCodeExplicit?: boolean;
}
export interface Purchase {
  id: string;
  version: number;
  department: string;
  budgetYear: number;
  status: 'planned' | 'contracted' | 'accepted' | 'cancelled' | string;
  plan: PurchasePlan;
  planned: { quantity: string; amount: string };
  contracted: { supplier: string; contractNo: string; amount: string; signedOn: string } | null;
  accepted: { quantity: string; amount: string; acceptances: number };
  remaining: { quantity: string; amount: string } | null;
  cancellation: { reason: string } | null;
  carded: { quantity: string; cards: number };
  notCapitalizable: string | null;
}
export interface ProcurementSummary {
  total: { amount: string; amountWan: string; count: number; smeReserved: string; smeReservedWan: string };
  byProject: Array<{ projectCode: string; name: string; count: number; amount: string; amountWan: string }>;
  byFundingSource: Array<{ source: string; name: string; amount: string; amountWan: string }>;
}

export interface CatalogHit {
  code: string;
  name: string;
  level: number;
  type: string;
}
export interface CatalogEntry extends CatalogHit {
  parents: Array<{ code: string; name: string; level: number }>;
  assetCategory: string | null;
  capitalizable: boolean;
  capitalizationThreshold?: string;
  economicLine: { code: string; name: string } | null;
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  message: { zh: string; en: string };
  amounts: Record<string, string>;
  refs: { purchaseIds: string[]; economicCodes: string[]; projectCodes: string[]; fundingSources: string[] };
}
export interface CrossCheck {
  status: 'pass' | 'fail';
  findings: Finding[];
  notEvaluated: Array<{ rule: string; reason: string; message: { zh: string; en: string } }>;
  checkedAt: string;
  position: string;
}

export interface CountValue {
  count: number;
  value: string;
  valueWan?: string;
}
export interface HoldingsCategory extends CountValue {
  category: string;
  categoryCode: string;
  valueWan: string;
}
export interface Holdings {
  asOf: string;
  openingAsOf: string | null;
  categories: HoldingsCategory[];
  total: CountValue;
}

export interface AssetCard {
  id: string;
  version: number;
  department: string;
  name: string;
  catalogCode: string;
  catalogName: string;
  category: string;
  quantity: number;
  unit: string | null;
  originalValue: string;
  unitValue: string;
  acquiredOn: string;
  source: string;
  location: string | null;
  custodian: string | null;
  funding: Funding;
  economicCode: string | null;
  purchaseId: string | null;
  status: 'in_use' | 'disposed';
  disposal: { disposedOn: string; method: string; reason: string } | null;
}

export interface StocktakeCategoryResult {
  category: string;
  categoryCode: string;
  book: CountValue;
  shortage: CountValue;
  surplus: CountValue;
  uncounted: CountValue;
  physical: CountValue;
}
export interface Stocktake {
  id: string;
  version: number;
  department: string;
  budgetYear: number;
  asOf: string;
  status: 'open' | 'closed';
  scope: { cards: number; count: number; value: string; valueWan: string };
  progress: { counted: number; uncounted: number; notFound: number; surplusItems: number };
  closedOn: string | null;
  result: { categories: StocktakeCategoryResult[] } | null;
}
export interface CountEntry {
  assetId: string;
  found: boolean;
  quantity?: string | number;
  note?: string;
}
export interface UnknownItem {
  name: string;
  catalogCode: string;
  quantity: string | number;
  estimatedValue: string;
  note?: string;
}

export interface ReconciliationRow {
  category: string;
  categoryCode: string;
  opening: CountValue;
  acquisitions: CountValue;
  disposals: CountValue;
  closingBook: CountValue;
  physical: CountValue | null;
  ledger: { value: string; valueWan?: string } | null;
  differences: { bookMinusPhysical: CountValue | null; bookMinusLedger: { value: string } | null };
}
export interface Reconciliation {
  year: number;
  openingAsOf: string;
  closingAsOf: string;
  stocktake: { id: string } | string | null;
  ledgerDeclared: boolean;
  categories: ReconciliationRow[];
  total: ReconciliationRow;
  balanced: boolean;
}

export interface RegisterEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  position: string;
  department: string;
  budgetYear: number | null;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { actor?: { id: string; kind: string; roles?: string[] }; correlationId?: string; causationId?: string | null };
}

// ---- the calls --------------------------------------------------------------------------------

export const api = {
  me: () => get<Credential>('/me'),

  catalogSearch: (q: string, limit = 15) => get<Page<CatalogHit>>('/catalog', { q, limit }),
  catalogEntry: (code: string) => get<CatalogEntry>(`/catalog/${encodeURIComponent(code)}`),

  budget: (dept: string, year: number) => get<Budget>(`${dy(dept, year)}/budget`),
  putProject: (dept: string, year: number, code: string, body: { name: string; budget: string }) =>
    put<unknown>(`${dy(dept, year)}/projects/${encodeURIComponent(code)}`, body),
  putBudgetLine: (dept: string, year: number, code: string, body: { name: string; amount: string; funding?: Funding }) =>
    put<unknown>(`${dy(dept, year)}/budget-lines/${encodeURIComponent(code)}`, body),
  putPlannedAssetPurchases: (dept: string, year: number, amount: string) =>
    put<unknown>(`${dy(dept, year)}/planned-asset-purchases`, { amount }),
  putIncome: (dept: string, year: number, income: Funding) => put<unknown>(`${dy(dept, year)}/income`, income),

  purchases: (
    dept: string,
    year: number,
    filter: { projectCode?: string; status?: string; catalogCode?: string; offset?: number; limit?: number },
  ) => get<Page<Purchase>>(`${dy(dept, year)}/purchases`, filter),
  summary: (dept: string, year: number) => get<ProcurementSummary>(`${dy(dept, year)}/procurement-summary`),
  purchase: (id: string) => get<Purchase>(`/purchases/${encodeURIComponent(id)}`),
  planPurchase: (dept: string, year: number, plan: PurchasePlan) => post<Purchase>(`${dy(dept, year)}/purchases`, plan),
  amendPurchase: (id: string, version: number, changes: Partial<PurchasePlan>) =>
    call<Purchase>('PATCH', `/purchases/${encodeURIComponent(id)}`, { body: changes, ifMatch: version }),
  cancelPurchase: (id: string, version: number, reason: string) =>
    call<Purchase>('POST', `/purchases/${encodeURIComponent(id)}/cancel`, { body: { reason }, ifMatch: version }),
  contractPurchase: (id: string, version: number, body: { supplier: string; contractNo: string; amount: string; signedOn: string }) =>
    call<Purchase>('POST', `/purchases/${encodeURIComponent(id)}/contract`, { body, ifMatch: version }),
  acceptPurchase: (id: string, version: number, body: { quantity: string; amount: string; acceptedOn: string }) =>
    call<Purchase>('POST', `/purchases/${encodeURIComponent(id)}/acceptances`, { body, ifMatch: version }),

  crossChecks: (dept: string, year: number) => get<CrossCheck>(`${dy(dept, year)}/cross-checks`),

  holdings: (dept: string, asOf: string) => get<Holdings>(`${d(dept)}/holdings`, { asOf }),
  assets: (dept: string, filter: { category?: string; status?: string; q?: string; offset?: number; limit?: number }) =>
    get<Page<AssetCard>>(`${d(dept)}/assets`, filter),
  asset: (id: string) => get<AssetCard>(`/assets/${encodeURIComponent(id)}`),

  openStocktake: (dept: string, asOf: string) => post<Stocktake>(`${d(dept)}/stocktakes`, { asOf }),
  stocktake: (id: string) => get<Stocktake>(`/stocktakes/${encodeURIComponent(id)}`),
  recordCounts: (id: string, body: { counts?: CountEntry[]; unknownItems?: UnknownItem[] }) =>
    post<Stocktake>(`/stocktakes/${encodeURIComponent(id)}/counts`, body),
  closeStocktake: (id: string) => post<Stocktake>(`/stocktakes/${encodeURIComponent(id)}/close`, {}),
  reconciliation: (dept: string, year: number) => get<Reconciliation>(`${dy(dept, year)}/reconciliation`),

  stream: (streamId: string) =>
    get<{ streamId: string; version: number; events: RegisterEvent[] }>(`/streams/${encodeURIComponent(streamId)}`),
  events: (filter: { after?: string; limit?: number; type?: string; department?: string }) =>
    get<{ events: RegisterEvent[]; next: string }>('/events', filter),
  /** Path of the live feed (server-sent events), read with the bearer header by live.ts. */
  eventStreamUrl: (filter: { after?: string; type?: string; department?: string }) => url('/events/stream', filter),
};
