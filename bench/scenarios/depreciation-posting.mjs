// Depreciation at scale: 1,000,000 cards of department 896 written straight into asset_cards by
// one bulk SQL insert (setup only: importing them through the API is asset-register-scale's
// figure), then posting months over HTTP. Posting writes nothing per card: one aggregate query
// over the department's cards and one DepreciationPosted event.
import pg from 'pg';
import { strictClient } from '../lib/service.mjs';

export const meta = {
  databases: ['postgres'],
  targets: {
    'depreciationMonth.seconds': { text: '≤ 10 s (1,000,000 cards)', max: 10 },
  },
};

const DEPT = '896';

/**
 * Nine in ten cards migrated with an opening 累计折旧 as of a December 2023 finance entry, one in
 * ten acquired in December 2023 without one; desktops (72 months), cabinets (180), cars (96) and
 * land (not depreciated), so the first charged month is January 2024.
 */
async function insertCards(databaseUrl, cards) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO asset_cards (asset_id, department, budget_year, version, name, catalog_code, catalog_name, category, quantity,
         unit, value_fen, unit_value_fen, acquired_on, source, funding, status, registered_at, updated_at, asset_no, usage,
         finance_entry_date, accumulated_depreciation_fen, useful_life_months)
       SELECT gen_random_uuid(), $1, 2023, 1, k.name, k.code, k.name, k.category, 1, '台', v, v, acquired, 'purchase', '{}'::jsonb,
         'in_use', now(), now(), 'DB-' || lpad(i::text, 8, '0'), 'in_use',
         CASE WHEN migrated THEN date '2023-12-20' END,
         CASE WHEN migrated THEN (v * (i % 10)) / 10 END,
         k.life
       FROM generate_series(1, $2::int) AS i
       CROSS JOIN LATERAL (SELECT i % 10 <> 0 AS migrated, 100000 + (i::bigint * 7919) % 9000000 AS v,
         CASE WHEN i % 10 <> 0 THEN date '2005-01-15' + (i % 6900) ELSE date '2023-12-01' + (i % 28) END AS acquired) AS c
       CROSS JOIN LATERAL (SELECT * FROM (VALUES
           (0, 'A02010105', '台式计算机', '通用设备（除车辆）', 72),
           (1, 'A05010502', '文件柜', '家具用具', 180),
           (2, 'A02030501', '轿车', '车辆', 96),
           (3, 'A01030000', '土地', '土地', NULL)) AS k(n, code, name, category, life)
         WHERE k.n = i % 4) AS k`,
      [DEPT, cards],
    );
    await db.query('ANALYZE asset_cards');
  } finally {
    await db.end();
  }
}

export default async function depreciationPosting({ baseUrl, adminKey, databaseUrl, quick, log }) {
  const cards = quick ? 20_000 : 1_000_000;
  let t0 = performance.now();
  await insertCards(databaseUrl, cards);
  log?.(`inserted ${cards} cards in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const call = strictClient(baseUrl, adminKey);
  const seconds = [];
  for (const month of ['2024-01', '2024-02', '2024-03']) {
    t0 = performance.now();
    const posted = await call('POST', `/departments/${DEPT}/depreciation/${month}`);
    seconds.push((performance.now() - t0) / 1000);
    if (posted.total.cards !== cards) throw new Error(`${month} posted ${posted.total.cards} cards, expected ${cards}`);
    log?.(`posted ${month}: ${posted.total.charge} 元 charged, ${seconds.at(-1).toFixed(2)} s`);
  }
  t0 = performance.now();
  await call('GET', `/departments/${DEPT}/holdings?asOf=2024-03-15`);
  const holdingsMs = performance.now() - t0;
  const round = (s) => Math.round(s * 100) / 100;
  return {
    // The first month also finds the department's first charged month (one more scan); the figure is the slowest of the three.
    depreciationMonth: {
      cards,
      seconds: round(Math.max(...seconds)),
      monthSeconds: seconds.map(round),
      holdingsWithNetValueMs: Math.round(holdingsMs * 10) / 10,
    },
  };
}
