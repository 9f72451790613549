import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../src/common/context/command-context.js';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { createApiKey, plannedPurchaseIn } from '../support/access.js';
import { testContext } from '../support/context.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp } from '../support/test-app.js';

describe(`the actor in event metadata (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('an event written over HTTP names the API key and its roles, never the department scope', async () => {
    const t = await startTestApp();
    try {
      const officer = await createApiKey(t, ['procurement_officer'], ['731']);
      await api(t).put('/departments/731/years/2024/projects/P001').send({ name: '日常公用经费', budget: '211600.00' }).expect(200);
      const planned = await api(t, officer.key)
        .post('/departments/731/years/2024/purchases')
        .send({
          projectCode: 'P001',
          itemName: '碎纸机',
          catalogCode: 'A02021301',
          unit: '个',
          quantity: '1',
          unitPrice: '1900.00',
          amount: '1900.00',
          funding: { general_budget: '1900.00' },
        })
        .expect(201);
      const stream = await api(t).get(`/streams/purchase-${planned.body.id}`).expect(200);
      expect(stream.body.events[0].metadata.actor).toEqual({ id: officer.id, kind: 'api_key', roles: ['procurement_officer'] });
      const budget = await api(t).get('/streams/budget-731-2024').expect(200);
      expect(budget.body.events[0].metadata.actor).toEqual({ id: 'bootstrap', kind: 'api_key', roles: ['admin'] });
    } finally {
      await t.close();
    }
  });

  it('TestApp.close() fails a suite that wrote an event without an authenticated actor', async () => {
    const t = await startTestApp();
    await plannedPurchaseIn(t, '731');
    const nobody = { id: '', kind: 'anonymous', departments: '*' } as unknown as Actor;
    await t.app
      .get(TransactionRunner)
      .run(testContext({ actor: nobody }), (tx) =>
        t.app
          .get(EventStore)
          .append(tx, 'unattributed-1', { department: '731', budgetYear: 2024 }, [{ type: 'Seeded', data: {} }], 'no_stream'),
      );
    await expect(t.close()).rejects.toThrow(/Events without an authenticated actor/);
  });
});
