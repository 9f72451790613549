// One acceptance making N asset cards (#15): a purchase of N shredders (碎纸机, 1,900.00 元 each,
// capitalised one card per unit) planned and contracted in department 870, then one POST
// …/acceptances over HTTP, timed from request to answer: the acceptance, its N AssetRegistered
// events on N new streams, the cards, the day totals, in one transaction. N is 10,000 (quick
// 1,000; BENCH_ACCEPTANCE_CARDS overrides it). A warm-up acceptance of 10 cards runs first.
import { YEAR } from '../lib/fixtures.mjs';
import { strictClient } from '../lib/service.mjs';

export const meta = {
  databases: ['postgres', 'pglite'],
  targets: { 'acceptanceCards.seconds': { text: '≤ 2 s (10,000 cards)', max: 2 } },
};

const DEPT = '870';
const UNIT_FEN = 190_000n;
const yuan = (fen) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/** A contracted purchase of `quantity` shredders in `dept` (its project and 31002 line set up once by `prepareDepartment`). */
export async function contracted(call, quantity, dept = DEPT) {
  const base = `/departments/${dept}/years/${YEAR}`;
  const amount = yuan(UNIT_FEN * BigInt(quantity));
  const purchase = await call('POST', `${base}/purchases`, {
    projectCode: 'P001',
    itemName: '碎纸机',
    catalogCode: 'A02021301',
    unit: '个',
    quantity: String(quantity),
    unitPrice: yuan(UNIT_FEN),
    amount,
    smeReserved: '0',
    funding: { general_budget: amount },
  });
  await call('POST', `/purchases/${purchase.id}/contract`, {
    supplier: '秦皇岛市某办公设备有限公司',
    contractNo: `HT-${purchase.id.slice(0, 8)}`,
    amount,
    signedOn: `${YEAR}-03-15`,
  });
  return { id: purchase.id, amount };
}

/** The project and the 31002 budget line a department's contracted purchases are planned under. */
export async function prepareDepartment(call, dept = DEPT) {
  const base = `/departments/${dept}/years/${YEAR}`;
  await call('PUT', `${base}/projects/P001`, { name: '日常公用经费', budget: '900000000000.00' });
  await call('PUT', `${base}/budget-lines/31002`, { name: '办公设备购置', amount: '1900.00' });
}

/** Accepts the whole of a contracted purchase (one card per unit); the seconds from request to answer. */
export async function accept(call, { id, amount }, quantity) {
  const t0 = performance.now();
  await call('POST', `/purchases/${id}/acceptances`, { quantity: String(quantity), amount, acceptedOn: `${YEAR}-04-02` }, [200, 201]);
  return (performance.now() - t0) / 1000;
}

export default async function acceptanceCards({ baseUrl, adminKey, quick, log }) {
  const cards = Number(process.env.BENCH_ACCEPTANCE_CARDS ?? (quick ? 1_000 : 10_000));
  const call = strictClient(baseUrl, adminKey);
  await prepareDepartment(call);
  await accept(call, await contracted(call, 10), 10);
  const purchase = await contracted(call, cards);
  const seconds = await accept(call, purchase, cards);
  const carded = await call('GET', `/purchases/${purchase.id}`);
  if (carded.carded?.cards !== cards) throw new Error(`the acceptance made ${carded.carded?.cards} cards, not ${cards}`);
  log?.(`one acceptance of ${cards} cards in ${seconds.toFixed(2)} s`);
  return { acceptanceCards: { cards, seconds: Math.round(seconds * 100) / 100 } };
}
