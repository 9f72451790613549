import request from 'supertest';
import type { TestApp } from './test-app.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Requests to a test app as its bootstrap admin (or as `token`), so suites that are not about
 * access control need not repeat the Authorization header. Access-control suites use supertest
 * directly, or pass the token they are testing.
 */
export function api(t: TestApp, token: string = t.adminToken) {
  const call = (method: Method) => (path: string) => request(t.server())[method](path).set('Authorization', `Bearer ${token}`);
  return { get: call('get'), post: call('post'), put: call('put'), patch: call('patch'), delete: call('delete') };
}
