import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReactorRegistry } from '../../src/event-log/infrastructure/reactor-registry.js';
import { gate } from '../support/context.js';
import { api } from '../support/http.js';
import { readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '740';
const LATE = '迟到的文件柜';

/**
 * A card is registered (its event has a position) but its transaction is held open while a
 * stocktake opens. The stocktake's event comes later in the log, yet the opening statement could
 * not see the card: the scope leaves it out, and a rebuild, which replays in position order and
 * so meets the card first, must leave it out too. On PGlite (one session) the two cannot overlap:
 * the stocktake waits for the card and takes it in.
 */
describe(`a stocktake's scope by snapshot against a card registered concurrently (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  const register = (name: string) =>
    api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ name, catalogCode: 'A05010502', quantity: 1, originalValue: '1200.00', acquiredOn: '2024-03-01', source: 'purchase' });

  beforeAll(async () => {
    t = await startTestApp();
    await register('文件柜').expect(201);
  });
  afterAll(() => t.close());

  it('the card uncommitted at opening is out of the scope, live and after a rebuild', async () => {
    const reached = gate();
    const hold = gate();
    t.app.get(ReactorRegistry).register({
      name: 'test-hold-late-card',
      async react(_tx, events) {
        if (events.some((e) => e.type === 'AssetRegistered' && e.data.name === LATE)) {
          reached.open();
          await hold.opened;
        }
      },
    });
    const card = register(LATE).then((r) => r);
    await reached.opened;
    const opening = api(t)
      .post(`/departments/${DEPT}/stocktakes`)
      .send({ asOf: '2024-12-31' })
      .then((r) => r);
    let stocktake;
    if (onPostgres()) {
      stocktake = (await opening).body;
      hold.open();
      expect((await card).status).toBe(201);
    } else {
      hold.open();
      expect((await card).status).toBe(201);
      stocktake = (await opening).body;
    }
    const cardId = (await card).body.id as string;
    const [registered] = (await api(t).get(`/streams/asset-${cardId}`).expect(200)).body.events;
    const inScope = async () =>
      ((await api(t).get(`/stocktakes/${stocktake.id}/sheet`).expect(200)).body.items as Array<{ assetId: string }>).map((i) => i.assetId);

    if (onPostgres()) {
      expect(BigInt(registered.position)).toBeLessThan(BigInt(stocktake.openedPosition));
      expect(stocktake.scope).toMatchObject({ cards: 1, count: 1, value: '1200.00' });
      expect(await inScope()).not.toContain(cardId);
    } else {
      expect(stocktake.scope).toMatchObject({ cards: 2, count: 2, value: '2400.00' });
      expect(await inScope()).toContain(cardId);
    }
    const before = await readModelSnapshot(t);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
