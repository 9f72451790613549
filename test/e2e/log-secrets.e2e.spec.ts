import { describe, expect, it } from '@jest/globals';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { JWT_ENV, signToken } from '../support/jwt.js';
import { onPostgres, startTestApp } from '../support/test-app.js';

// A file of its own: nestjs-pino keeps one pino instance per process (per Jest file), built by
// the first application, so only the first app of a file logs where it was told to.
describe(`secrets never reach the log (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('bearer tokens are redacted; a created key, its secret and JWTs appear nowhere', async () => {
    const lines: string[] = [];
    const t = await startTestApp(
      { ...JWT_ENV, LOG_LEVEL: 'debug' },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
    let created: { id: string; key: string };
    const token = await signToken({ roles: ['auditor'] });
    try {
      created = await createApiKey(t, ['auditor'], ['731']);
      await api(t, created.key).get('/catalog/A02021301').expect(200);
      await api(t, token).get('/catalog/A02021301').expect(200);
      await api(t, `${created.key}x`).get('/catalog/A02021301').expect(401);
    } finally {
      await t.close();
    }
    const log = lines.join('');
    expect(log).toContain('"authorization":"[redacted]"');
    expect(log).toContain('API key created');
    for (const secret of [t.adminToken, created.key, created.key.split('_').slice(2).join('_'), token, JWT_ENV.JWT_SECRET]) {
      expect(log).not.toContain(secret);
    }
  });
});
