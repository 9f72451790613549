// The asset register at scale: a generated register export of N cards (one csv, one request)
// imported into department 897, then holdings as of a date over them, opening a stocktake, one
// POST of 5,000 counts, the count sheets filled in and imported 50,000 rows at a time, and closing.
// BENCH_ASSET_CARDS overrides N (the full run's 1,000,000; quick 20,000). BENCH_ASSET_PREIMPORTED=1
// with BENCH_PG_TEMPLATE naming a database where this register of N cards was imported already
// (by this generator, nothing else in department 897) skips the import, which then has no figure:
// the stocktake's figures can be repeated, A/B, without two minutes of import each time. On PGlite
// (#12: 100,000 cards in ≤ 60 s) N is 100,000 (quick 20,000) and the run stops after the holdings.
import { strictClient } from '../lib/service.mjs';

export const meta = {
  databases: ['postgres', 'pglite'],
  targets: {
    'assetImport.seconds': { text: '≤ 60 s (1,000,000 cards; PGlite 100,000)', max: 60 },
    holdingsQueryMs: { text: '≤ 50 ms (1,000,000 cards)', max: 50 },
    stocktakeOpenMs: { text: '≤ 1000 ms (1,000,000 cards)', max: 1000 },
    stocktakeOpenedEventBytes: { text: '< 2 KB', max: 2047 },
    stocktakeCountBatch5000Ms: { text: '≤ 500 ms (#15)', max: 500 },
    'reconcile.seconds': { text: '≤ 15 s (closing after 1,000,000 counts)', max: 15 },
  },
};

const KINDS = [
  ['A02010105', '台式计算机', '1', '台'],
  ['A05010502', '文件柜', '4', '组'],
  ['A02021301', '碎纸机', '1', '个'],
];

function registerCsv(n) {
  const lines = ['资产编号,资产名称,资产分类代码,数量,计量单位,原值,取得日期,取得方式,存放地点,使用状况'];
  for (let i = 0; i < n; i++) {
    const [code, name, quantity, unit] = KINDS[i % 3];
    const fen = 100_000 + ((i * 7919) % 900_000);
    const value = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const acquired = `20${10 + (i % 14)}-0${1 + (i % 9)}-15`;
    lines.push(`BZ-${String(i + 1).padStart(8, '0')},${name},${code},${quantity},${unit},${value},${acquired},购置,${1 + (i % 50)}楼,在用`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const SHEET = 50_000;
const assetNo = (i) => `BZ-${String(i + 1).padStart(8, '0')}`;

/** Rows from..to of the filled-in sheet: every card found but each 1,000th (counted 0). */
function countsCsv(from, to, quantity) {
  const lines = ['资产编号,实盘数量'];
  for (let i = from; i < to; i++) lines.push(`${assetNo(i)},${i % 1000 === 999 ? 0 : quantity(i)}`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

export default async function assetRegisterScale({ baseUrl, adminKey, quick, database, log }) {
  const cards = Number(process.env.BENCH_ASSET_CARDS ?? (quick ? 20_000 : database === 'pglite' ? 100_000 : 1_000_000));
  const call = strictClient(baseUrl, adminKey);
  const file = registerCsv(cards);
  const base = '/departments/897';
  const preimported = process.env.BENCH_ASSET_PREIMPORTED === '1';
  let t0 = performance.now();
  let importSeconds = null;
  if (!preimported) {
    const res = await fetch(`${baseUrl}${base}/assets/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminKey}` },
      body: file,
    });
    const report = await res.json();
    if (!res.ok || report.cards !== cards) throw new Error(`import → ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    importSeconds = (performance.now() - t0) / 1000;
    log?.(`imported ${cards} cards (${(file.length / 1e6).toFixed(0)} MB csv) in ${importSeconds.toFixed(1)} s`);
  }

  const times = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    await call('GET', `${base}/holdings?asOf=${2014 + (i % 10)}-12-31`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const imported = {
    assetImport: { cards, seconds: importSeconds === null ? null : Math.round(importSeconds * 10) / 10 },
    holdingsQueryMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
  };
  if (database === 'pglite') return imported;

  t0 = performance.now();
  const stocktake = await call('POST', `${base}/stocktakes`, { asOf: '2024-12-31' });
  const stocktakeOpenMs = performance.now() - t0;
  if (stocktake.scope.cards !== cards) throw new Error(`the stocktake's scope has ${stocktake.scope.cards} cards, not ${cards}`);
  const stream = await call('GET', `/streams/stocktake-${stocktake.id}`);
  const stocktakeOpenedEventBytes = Buffer.byteLength(JSON.stringify(stream.events[0].data), 'utf8');
  log?.(
    `opened a stocktake over ${stocktake.scope.cards} cards in ${stocktakeOpenMs.toFixed(0)} ms (event ${stocktakeOpenedEventBytes} B)`,
  );

  // One POST /counts of 5,000 cards taken from the sheet (they are recounted by the sheets below).
  const firstPage = [];
  for (let offset = 0; offset < 5000; offset += 500) {
    const page = await call('GET', `/stocktakes/${stocktake.id}/sheet?offset=${offset}&limit=500`);
    firstPage.push(...page.items.map((i) => ({ assetId: i.assetId, found: true })));
  }
  t0 = performance.now();
  await call('POST', `/stocktakes/${stocktake.id}/counts`, { counts: firstPage });
  const stocktakeCountBatch5000Ms = performance.now() - t0;

  // Sheets in 资产编号 order, as the import numbered the cards; the batch cards (文件柜, 4 a card) count 4.
  const quantityOf = (i) => KINDS[i % 3][2];
  t0 = performance.now();
  for (let from = 0; from < cards; from += SHEET) {
    const res = await fetch(`${baseUrl}/stocktakes/${stocktake.id}/counts/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminKey}` },
      body: countsCsv(from, Math.min(cards, from + SHEET), quantityOf),
    });
    if (!res.ok) throw new Error(`counts import → ${res.status} ${(await res.text()).slice(0, 500)}`);
  }
  const countsImportSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const closed = await call('POST', `/stocktakes/${stocktake.id}/close`);
  const closeSeconds = (performance.now() - t0) / 1000;
  if (closed.result.total.uncounted.count !== 0) throw new Error(`closed with ${closed.result.total.uncounted.count} items uncounted`);
  log?.(`${cards} counts imported in sheets of ${SHEET} in ${countsImportSeconds.toFixed(1)} s; closed in ${closeSeconds.toFixed(1)} s`);

  return {
    ...imported,
    stocktakeOpenMs: Math.round(stocktakeOpenMs * 10) / 10,
    stocktakeOpenedEventBytes,
    stocktakeCountBatch5000Ms: Math.round(stocktakeCountBatch5000Ms * 10) / 10,
    reconcile: {
      counts: cards,
      sheetRows: SHEET,
      countsImportSeconds: Math.round(countsImportSeconds * 10) / 10,
      seconds: Math.round(closeSeconds * 10) / 10,
    },
  };
}
