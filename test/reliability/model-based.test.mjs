// Model-based: fast-check generates random command sequences (plan, amend, cancel, contract,
// accept, register, move, dispose, stocktake open/count/close) against the service over HTTP and a
// pure in-memory model of the same rules. Each command's outcome (applied or refused) must be
// the model's, and after each sequence the HTTP read models equal the model and a rebuild from the log.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { QUICK, assertReadModelsEqualRebuild, environment, figures } from './support.mjs';

const RUNS = QUICK ? 3 : 25;
const LENGTH = QUICK ? 25 : 60;
const SEED = Number(process.env.RELIABILITY_SEED ?? 16);
let env;
after(() => env?.dispose());

const pick = (list, i) => (list.length ? list[i % list.length] : undefined);
const ok = (s) => s >= 200 && s < 300;

/** The pure model: the register's rules for these commands, nothing else. */
function emptyModel() {
  return { purchases: [], assets: [], stocktakes: [] };
}

const COMMANDS = [
  fc.constant({ op: 'plan' }),
  fc.record({ op: fc.constant('amend'), i: fc.nat(), name: fc.constantFrom('台式计算机', '便携式计算机', '计算机') }),
  fc.record({ op: fc.constant('cancel'), i: fc.nat() }),
  fc.record({ op: fc.constant('contract'), i: fc.nat() }),
  fc.record({ op: fc.constant('accept'), i: fc.nat() }),
  fc.constant({ op: 'register' }),
  fc.record({ op: fc.constant('move'), i: fc.nat(), location: fc.constantFrom('一楼', '二楼', '库房') }),
  fc.record({ op: fc.constant('dispose'), i: fc.nat() }),
  fc.constant({ op: 'open' }),
  fc.record({ op: fc.constant('count'), i: fc.nat(), a: fc.nat(), found: fc.boolean() }),
  fc.record({ op: fc.constant('close'), i: fc.nat() }),
];

/** Runs one command against the service and the model; returns [what the model expects, the answer]. */
async function step(call, dept, model, c) {
  const base = `/departments/${dept}/years/2024`;
  const p = pick(model.purchases, c.i ?? 0);
  const a = pick(model.assets, c.i ?? 0);
  const s = pick(model.stocktakes, c.i ?? 0);
  switch (c.op) {
    case 'plan': {
      const body = {
        projectCode: 'P001',
        itemName: '台式计算机',
        catalogCode: 'A02010105',
        unit: '台',
        quantity: '2',
        unitPrice: '5000.00',
        amount: '10000.00',
        funding: { general_budget: '10000.00' },
      };
      const res = await call('POST', `${base}/purchases`, body);
      if (ok(res.status)) model.purchases.push({ id: res.body.id, status: 'planned', version: 1, itemName: '台式计算机', accepted: 0 });
      return [true, res];
    }
    case 'amend': {
      if (!p) return null;
      const res = await call('PATCH', `/purchases/${p.id}`, { itemName: c.name }, { 'If-Match': String(p.version) });
      const expect = p.status === 'planned';
      if (expect && ok(res.status) && p.itemName !== c.name) Object.assign(p, { itemName: c.name, version: p.version + 1 });
      return [expect, res];
    }
    case 'cancel': {
      if (!p) return null;
      const res = await call('POST', `/purchases/${p.id}/cancel`, { reason: '预算调整' });
      const expect = p.status === 'planned' || p.status === 'contracted';
      if (expect) Object.assign(p, { status: 'cancelled', version: p.version + 1 });
      return [expect, res];
    }
    case 'contract': {
      if (!p) return null;
      const res = await call('POST', `/purchases/${p.id}/contract`, {
        supplier: '某公司',
        contractNo: 'HT-1',
        amount: '10000.00',
        signedOn: '2024-03-01',
      });
      const expect = p.status === 'planned';
      if (expect) Object.assign(p, { status: 'contracted', version: p.version + 1 });
      return [expect, res];
    }
    case 'accept': {
      if (!p) return null;
      const res = await call('POST', `/purchases/${p.id}/acceptances`, { quantity: '1', amount: '5000.00', acceptedOn: '2024-04-01' });
      const expect = (p.status === 'contracted' || p.status === 'partially_accepted') && p.accepted < 2;
      if (expect) {
        p.accepted++;
        Object.assign(p, { status: p.accepted === 2 ? 'accepted' : 'partially_accepted', version: p.version + 1 });
      }
      return [expect, res];
    }
    case 'register': {
      const body = { name: '打印机', catalogCode: 'A02021001', originalValue: '3000.00', acquiredOn: '2024-05-01', source: 'purchase' };
      const res = await call('POST', `/departments/${dept}/assets`, body);
      if (ok(res.status)) model.assets.push({ id: res.body.id, status: 'in_use', location: null });
      return [true, res];
    }
    case 'move': {
      if (!a) return null;
      const res = await call('POST', `/assets/${a.id}/move`, { location: c.location });
      const expect = a.status === 'in_use';
      if (expect) a.location = c.location;
      return [expect, res];
    }
    case 'dispose': {
      if (!a) return null;
      const res = await call('POST', `/assets/${a.id}/dispose`, { disposedOn: '2024-06-01', method: 'scrapped', reason: '损坏' });
      const expect = a.status === 'in_use';
      if (expect) a.status = 'disposed';
      return [expect, res];
    }
    case 'open': {
      const res = await call('POST', `/departments/${dept}/stocktakes`, { asOf: '2024-12-31' });
      if (ok(res.status))
        model.stocktakes.push({
          id: res.body.id,
          status: 'open',
          scope: new Set(model.assets.filter((x) => x.status === 'in_use').map((x) => x.id)),
        });
      return [true, res];
    }
    case 'count': {
      const card = pick(model.assets, c.a);
      if (!s || !card) return null;
      const res = await call('POST', `/stocktakes/${s.id}/counts`, { counts: [{ assetId: card.id, found: c.found }] });
      return [s.status === 'open' && s.scope.has(card.id), res];
    }
    case 'close': {
      if (!s) return null;
      const res = await call('POST', `/stocktakes/${s.id}/close`);
      const expect = s.status === 'open';
      if (expect) s.status = 'closed';
      return [expect, res];
    }
  }
}

test(`${RUNS} random command sequences of ${LENGTH}: outcomes and read models equal the model and a rebuild`, async () => {
  env = await environment('model');
  const service = await env.start();
  const call = env.call(service);
  let run = 0;
  let commands = 0;
  const outcomes = { applied: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(...COMMANDS), { minLength: LENGTH, maxLength: LENGTH }), async (sequence) => {
      const dept = String(600 + run++);
      for (const [path, body] of [
        ['projects/P001', { name: '日常公用经费', budget: '900000000.00' }],
        ['budget-lines/31002', { name: '办公设备购置', amount: '1900.00' }],
      ]) {
        assert.equal((await call('PUT', `/departments/${dept}/years/2024/${path}`, body)).status, 200);
      }
      const model = emptyModel();
      for (const c of sequence) {
        const result = await step(call, dept, model, c);
        if (!result) continue;
        const [expect, res] = result;
        commands++;
        assert.ok(res.status < 500, `${c.op} answered ${res.status} ${JSON.stringify(res.body)}`);
        assert.equal(
          ok(res.status),
          expect,
          `${c.op} ${JSON.stringify(c)}: the model expected ${expect ? 'success' : 'a refusal'}, got ${res.status} ${JSON.stringify(res.body)}`,
        );
        outcomes[expect ? 'applied' : 'refused']++;
      }
      for (const p of model.purchases) {
        const view = (await call('GET', `/purchases/${p.id}`)).body;
        assert.equal(view.status, p.status, `purchase ${p.id}`);
        assert.equal(view.version, p.version, `purchase ${p.id} version`);
        assert.equal(view.plan?.itemName ?? view.itemName, p.itemName);
        assert.equal(view.carded.cards, p.accepted, `purchase ${p.id} cards`);
      }
      for (const a of model.assets) {
        const view = (await call('GET', `/assets/${a.id}`)).body;
        assert.equal(view.status, a.status, `asset ${a.id}`);
        assert.equal(view.location ?? null, a.location, `asset ${a.id} location`);
      }
      for (const s of model.stocktakes) assert.equal((await call('GET', `/stocktakes/${s.id}`)).body.status, s.status, `stocktake ${s.id}`);
      await assertReadModelsEqualRebuild(env, service);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  figures('model-based', { runs: RUNS, length: LENGTH, seed: SEED, commands, ...outcomes });
});
