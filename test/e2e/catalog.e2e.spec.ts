import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CqrsModule } from '@nestjs/cqrs';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ErrorFilter } from '../../src/common/http/error.filter.js';
import { createValidationPipe } from '../../src/common/http/validation.js';
import { loadConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { CatalogModule } from '../../src/catalog/catalog.module.js';
import { Catalog } from '../../src/catalog/domain/catalog.js';

describe('HTTP /catalog', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot(), ConfigModule.forRoot(loadConfig({})), CatalogModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ErrorFilter());
    await app.init();
  });
  afterAll(() => app.close());

  it('exports the catalog to other modules', () => {
    expect(app.get(Catalog).size).toBe(4301);
  });

  it('documents both routes in OpenAPI under the catalog tag', () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(doc.paths['/catalog']?.get?.tags).toEqual(['catalog']);
    expect(doc.paths['/catalog/{code}']?.get?.tags).toEqual(['catalog']);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['CatalogEntryView', 'CatalogPageView', 'CatalogItemView', 'EconomicLineView']),
    );
  });

  it('GET /catalog/A02021301 → the entry, its parents root first, and its classification', async () => {
    const res = await http().get('/catalog/A02021301').expect(200);
    expect(res.body).toEqual({
      code: 'A02021301',
      name: '碎纸机',
      level: 4,
      type: 'goods',
      parent: 'A02021300',
      parents: [
        { code: 'A', name: '货物', level: 0 },
        { code: 'A02000000', name: '设备', level: 1 },
        { code: 'A02020000', name: '办公设备', level: 2 },
        { code: 'A02021300', name: '销毁设备', level: 3 },
      ],
      assetCategory: '通用设备（除车辆）',
      batch: false,
      economicLine: { code: '31002', name: '办公设备购置' },
      capitalizable: true,
      capitalizationThreshold: '1000.00',
    });
  });

  it('GET a service → its 302 line, not capitalizable', async () => {
    const res = await http().get('/catalog/C23120301').expect(200);
    expect(res.body).toMatchObject({
      type: 'services',
      economicLine: { code: '30231', name: '公务用车运行维护费' },
      capitalizable: false,
    });
    expect(res.body).not.toHaveProperty('assetCategory');
    expect(res.body).not.toHaveProperty('capitalizationThreshold');
  });

  it('GET 专用设备 and furniture → their thresholds', async () => {
    // 事业单位财务规则 (令第108号) has one threshold for all equipment: the default 1,000.00.
    expect((await http().get('/catalog/A02320100').expect(200)).body).toMatchObject({
      assetCategory: '专用设备',
      capitalizationThreshold: '1000.00',
    });
    const furniture = (await http().get('/catalog/A05010300').expect(200)).body;
    expect(furniture).toMatchObject({ assetCategory: '家具用具', batch: true, capitalizable: true });
    expect(furniture).not.toHaveProperty('capitalizationThreshold');
  });

  it.each(['A0202', 'D02021301', 'A02000100', 'X'])('GET /catalog/%s → 400 naming code', async (code) => {
    const res = await http().get(`/catalog/${code}`).expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'CATALOG.MALFORMED_CODE', message: expect.any(String), field: 'code' });
  });

  it('GET /catalog/A99999999 → 404', async () => {
    const res = await http().get('/catalog/A99999999').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'CATALOG.UNKNOWN_CODE', message: expect.any(String), field: 'code' });
  });

  it('GET /catalog?q=碎纸 finds the 碎纸机', async () => {
    const res = await http().get('/catalog').query({ q: '碎纸' }).expect(200);
    expect(res.body).toEqual({
      items: [{ code: 'A02021301', name: '碎纸机', level: 4, type: 'goods', parent: 'A02021300' }],
      total: 1,
      offset: 0,
      limit: 50,
    });
  });

  it('GET /catalog pages through everything in code order', async () => {
    const first = (await http().get('/catalog').query({ limit: 3 }).expect(200)).body;
    expect(first).toMatchObject({ total: 4301, offset: 0, limit: 3 });
    expect(first.items.map((i: { code: string }) => i.code)).toEqual(['A01000000', 'A01010000', 'A01010100']);
    const second = (await http().get('/catalog').query({ offset: 2, limit: 2 }).expect(200)).body;
    expect(second.items[0]).toEqual(first.items[2]);
    const last = (await http().get('/catalog').query({ offset: 4300, limit: 100 }).expect(200)).body;
    expect(last.items.map((i: { code: string }) => i.code)).toEqual(['C99000000']);
    const defaults = (await http().get('/catalog').query({ q: '服务' }).expect(200)).body;
    expect(defaults.items).toHaveLength(50);
    expect(defaults.total).toBeGreaterThan(50);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{ q: 'x'.repeat(51) }, 'q'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ sort: 'name' }, 'sort'],
  ])('GET /catalog with %j → 400 naming %s', async (query, field) => {
    const res = await http().get('/catalog').query(query).expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: expect.any(String), message: expect.any(String), field });
  });
});
