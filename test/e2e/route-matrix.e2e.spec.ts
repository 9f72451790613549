import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ROLES, type Role, rolesGrant } from '../../src/common/auth/permissions.js';
import { createApiKey } from '../support/access.js';
import { exampleOf, type OpenApiDocument, openApiDocument, requestBodySchema } from '../support/openapi.js';
import { fillPath, RESOURCES, resourceKey, routeParams as params, VALUES } from '../support/route-fixtures.js';
import { controllerRoutes, expressRoutes, type RouteInfo } from '../support/routes.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const IN = '731';
const OUT = '999';

type Scope = 'in' | 'out';

/** Served by Express beside the controllers, on purpose and without credentials. */
const NOT_CONTROLLERS = [
  { path: /^\/docs(-json|-yaml|\/.*)?$/, why: 'Swagger UI and the OpenAPI document are public' },
  { path: /^\{\/\*splat\}$/, why: "Nest's catch-all that answers 404 for unknown paths" },
];

/** Routes answering with a server-sent event stream. */
const STREAMING = new Set(['GET /events/stream']);

function streamOrJson(res: import('node:http').IncomingMessage, done: (err: Error | null, body: unknown) => void) {
  if (String(res.headers['content-type']).startsWith('text/event-stream')) {
    res.destroy();
    return done(null, {});
  }
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text ? JSON.parse(text) : {}));
}

/** `{"message":"No purchase 3f…"}` and the same for another id compare equal. */
const withoutId = (body: unknown, id: string) => JSON.parse(JSON.stringify(body).split(id).join('<id>'));

describe(`access matrix: every route × role × department scope (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let routes: RouteInfo[];
  const keys = {} as Record<Role, string>;
  const fixtures: Record<string, Record<Scope, string>> = {};

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000', RATE_LIMIT_ANONYMOUS: '100000' });
    doc = await openApiDocument(t);
    routes = controllerRoutes(t.app);
    for (const role of ROLES) keys[role] = (await createApiKey(t, [role], [IN])).key;
    for (const [kind, fixture] of Object.entries(RESOURCES)) {
      fixtures[kind] = { in: await fixture.create(t, IN), out: await fixture.create(t, OUT) };
    }
  });
  afterAll(() => t.close());

  it('finds the routes in the real router, and every one has an access rule', () => {
    expect(routes.length).toBeGreaterThan(15);
    const unruled = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(unruled).toEqual([]);
  });

  it('every route Express serves is a controller route (so the matrix sees all) or a documented exception', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const unexplained = expressRoutes(t.app)
      .filter((r) => !known.has(`${r.method} ${r.path}`) && !NOT_CONTROLLERS.some((n) => n.path.test(r.path)))
      .map((r) => `${r.method} ${r.path}`);
    expect(unexplained).toEqual([]);
  });

  it('every route parameter has a fixture: a resource kind in RESOURCES or a value in VALUES', () => {
    const missing = routes.flatMap((r) =>
      params(r.path)
        .filter((p) => p.name !== 'dept' && !(p.name in VALUES) && !(p.key in RESOURCES))
        .map((p) => `${r.method} ${r.path}: add '${p.key}' to RESOURCES (or '${p.name}' to VALUES)`),
    );
    expect(missing).toEqual([]);
  });

  it('the Swagger UI and OpenAPI document need no credentials', async () => {
    await request(t.server()).get('/docs-json').expect(200);
    await request(t.server()).get('/docs/').expect(200);
  });

  /** The URL of `route` for `scope`, with a resource id overridden when given. */
  function url(route: RouteInfo, scope: Scope, resourceId?: string): string {
    const ids = Object.fromEntries(Object.entries(fixtures).map(([key, byScope]) => [key, resourceId ?? byScope[scope]]));
    return fillPath(route.path, scope === 'in' ? IN : OUT, ids);
  }

  function send(route: RouteInfo, path: string, token?: string) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = request(t.server())[method](path);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    // A granted event stream never ends: take its status and hang up; errors are JSON as usual.
    if (STREAMING.has(`${route.method} ${route.path}`))
      req = req.buffer(true).parse(streamOrJson as unknown as Parameters<typeof req.parse>[0]);
    const schema = requestBodySchema(doc, route.method, route.path);
    return schema ? req.send(exampleOf(doc, schema) as object) : req;
  }

  it('answers each route × role × scope as the rules say', async () => {
    const failures: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
    };
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const rule = route.rule;
      const anonymous = await send(route, url(route, 'in'));
      if (!rule) {
        // The guard refuses it whatever the caller; the matrix fails it all the same.
        const admin = await send(route, url(route, 'in'), keys.admin);
        check(false, `${name} has no @Allow/@Public rule (the guard answers ${admin.status} ${admin.body.code})`);
        continue;
      }
      if (rule.public) {
        check(anonymous.status < 400, `${name} without credentials → ${anonymous.status}, expected 2xx (public)`);
        continue;
      }
      check(anonymous.status === 401, `${name} without credentials → ${anonymous.status}, expected 401`);
      const byDepartment = params(route.path).some((p) => p.name === 'dept');
      if (rule.allDepartments) {
        const everywhere = await send(route, url(route, 'in'), t.adminToken);
        check(
          ![401, 403].includes(everywhere.status) && everywhere.status < 500,
          `${name} as admin of "*" → ${everywhere.status}, expected access`,
        );
      }
      const resource = resourceKey(route);

      for (const role of ROLES) {
        for (const scope of ['in', 'out'] as const) {
          const res = await send(route, url(route, scope), keys[role]);
          const cell = `${name} as ${role} (${scope} of scope) → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
          check(res.status < 500, `${cell}: server error`);
          if (!rolesGrant([role], rule.permission)) {
            check(res.status === 403 && res.body.code === 'AUTH.PERMISSION_DENIED', `${cell}, expected 403 (no ${rule.permission})`);
          } else if (rule.allDepartments) {
            check(res.status === 403 && res.body.code === 'AUTH.DEPARTMENT_OUT_OF_SCOPE', `${cell}, expected 403 (needs "*")`);
          } else if (scope === 'out' && byDepartment) {
            check(res.status === 403 && res.body.code === 'AUTH.DEPARTMENT_OUT_OF_SCOPE', `${cell}, expected 403 (department)`);
          } else if (scope === 'out' && resource) {
            // Another department's resource must be indistinguishable from one that does not exist.
            const missingId = RESOURCES[resource].missing();
            const missing = await send(route, url(route, scope, missingId), keys[role]);
            check(res.status === 404, `${cell}, expected 404`);
            const creates = route.method === 'PUT' && RESOURCES[resource].putCreates;
            check(
              creates ||
                (missing.status === res.status &&
                  JSON.stringify(withoutId(missing.body, missingId)) === JSON.stringify(withoutId(res.body, fixtures[resource].out))),
              `${cell} differs from a missing id: ${missing.status} ${JSON.stringify(missing.body).slice(0, 200)}`,
            );
          } else {
            check(![401, 403].includes(res.status), `${cell}, expected access granted`);
            if (resource && scope === 'in') check(res.status !== 404, `${cell}, expected the resource to be found`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the auditor writes nothing: every route that is not a GET answers it 403 AUTH.PERMISSION_DENIED', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && !r.rule?.public);
    expect(writes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of writes) {
      const res = await send(route, url(route, 'in'), keys.auditor);
      if (res.status !== 403 || res.body.code !== 'AUTH.PERMISSION_DENIED') {
        failures.push(`${route.method} ${route.path} as auditor → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
