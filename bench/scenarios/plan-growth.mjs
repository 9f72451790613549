// One plan alone, at the start of a department-year and after many plans in it (1,000 quick,
// 10,000 full), and the log's bytes per plan at both points: a plan's cost and the log must not
// grow with the year (issue #15: within 20 % of the first; linear log).
import pg from 'pg';
import { PLAN_JSON, seedDepartments, yearPath } from '../lib/fixtures.mjs';
import { strictClient } from '../lib/service.mjs';

const DEPARTMENT_INDEX = 98; // department 898, planned by no other scenario
const DEPARTMENT = String(800 + DEPARTMENT_INDEX);
const SAMPLES = 30;
const WRITERS = 8;

export const meta = {
  databases: ['postgres'],
  targets: {
    'planGrowth.lateToFirstRatio': { text: '≤ 1.2', max: 1.2 },
  },
};

export default async function planGrowth({ baseUrl, adminKey, databaseUrl, quick, log }) {
  const call = strictClient(baseUrl, adminKey);
  await seedDepartments(call, 1, DEPARTMENT_INDEX);
  const path = `${yearPath(DEPARTMENT)}/purchases`;
  const plan = () => call('POST', path, JSON.parse(PLAN_JSON));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Bytes of the department-year's events (payload and metadata as stored text) per plan.
    const bytesPerPlan = async (plans) => {
      const { rows } = await db.query(
        `SELECT sum(octet_length(data::text) + octet_length(metadata::text))::bigint AS bytes FROM events WHERE department = $1`,
        [DEPARTMENT],
      );
      return Math.round(Number(rows[0].bytes) / plans);
    };
    /** Median of SAMPLES plans sent one at a time. */
    const alone = async () => {
      const ms = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        await plan();
        ms.push(performance.now() - started);
      }
      return Math.round(ms.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)] * 10) / 10;
    };
    const fill = async (count) => {
      let left = count;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (left-- > 0) await plan();
        }),
      );
    };
    const total = quick ? 1_000 : 10_000;
    const firstMs = await alone();
    await fill(1_000 - SAMPLES);
    const at1000 = await bytesPerPlan(1_000);
    if (total > 1_000) await fill(total - 1_000);
    const lateMs = await alone();
    const atTotal = await bytesPerPlan(total + SAMPLES);
    log(`plan-growth: alone ${firstMs} ms first, ${lateMs} ms after ${total}; ${at1000} B/plan at 1,000, ${atTotal} B/plan at ${total}`);
    return {
      planGrowth: {
        plans: total,
        firstMs,
        lateMs,
        lateToFirstRatio: Math.round((lateMs / firstMs) * 100) / 100,
        logBytesPerPlanAt1000: at1000,
        logBytesPerPlanAtEnd: atTotal,
      },
    };
  } finally {
    await db.end();
  }
}
