// What the assets context imported from here before the index existed (it moves to ../index.ts).
export { foldPurchase } from './evolve.js';
export { isPurchaseEvent, type PurchaseAcceptedData, type PurchaseEvent } from './purchase.events.js';
