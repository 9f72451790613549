export { decide } from './decide.js';
export { evolve, foldPurchase } from './evolve.js';
export { summarizePurchase, type PurchaseSummary } from './purchase.summary.js';
export { FUNDING_SOURCES, isFundingSource, type FundingInput, type FundingSource, type FundingSplit } from './funding.js';
export * from './purchase.commands.js';
export * from './purchase.events.js';
export * from './purchase.state.js';
export { planFromPayload, planToPayload } from './plan-payload.js';
