// HTTP load through autocannon (its own workers' event loop, not the service's).
import autocannon from 'autocannon';

/**
 * Runs `connections` clients for `seconds` against `requests` (autocannon request objects; a
 * `setupRequest` may vary the path per request). Resolves the figures the bench reports.
 */
export async function load({ baseUrl, adminKey, connections, seconds, requests, expectStatus = [200, 201] }) {
  const statuses = new Map();
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    requests,
  });
  instance.on('response', (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  const result = await instance;
  const ok = [...statuses].filter(([s]) => expectStatus.includes(s)).reduce((n, [, c]) => n + c, 0);
  const failed = [...statuses].filter(([s]) => !expectStatus.includes(s)).reduce((n, [, c]) => n + c, 0) + result.errors + result.timeouts;
  return {
    ok,
    perSecond: Math.round(ok / (result.duration || seconds)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: failed,
    statuses: Object.fromEntries(statuses),
  };
}
