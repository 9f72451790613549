// The asset register at scale: a generated register export of N cards (one csv, one request)
// imported into department 897, then holdings as of a date over them and opening a stocktake.
import { strictClient } from '../lib/service.mjs';

export const meta = {
  databases: ['postgres'],
  targets: {
    'assetImport.seconds': { text: '≤ 60 s (1,000,000 cards)', max: 60 },
    holdingsQueryMs: { text: '≤ 50 ms (1,000,000 cards)', max: 50 },
    stocktakeOpenMs: { text: '≤ 1000 ms (1,000,000 cards)', max: 1000 },
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

export default async function assetRegisterScale({ baseUrl, adminKey, quick, log }) {
  const cards = quick ? 20_000 : 1_000_000;
  const call = strictClient(baseUrl, adminKey);
  const file = registerCsv(cards);
  const base = '/departments/897';
  let t0 = performance.now();
  const res = await fetch(`${baseUrl}${base}/assets/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminKey}` },
    body: file,
  });
  const report = await res.json();
  if (!res.ok || report.cards !== cards) throw new Error(`import → ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
  const importSeconds = (performance.now() - t0) / 1000;
  log?.(`imported ${cards} cards (${(file.length / 1e6).toFixed(0)} MB csv) in ${importSeconds.toFixed(1)} s`);

  const times = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    await call('GET', `${base}/holdings?asOf=${2014 + (i % 10)}-12-31`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  t0 = performance.now();
  await call('POST', `${base}/stocktakes`, { asOf: '2024-12-31' });
  const stocktakeOpenMs = performance.now() - t0;

  return {
    assetImport: { cards, seconds: Math.round(importSeconds * 10) / 10 },
    holdingsQueryMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
    stocktakeOpenMs: Math.round(stocktakeOpenMs * 10) / 10,
  };
}
