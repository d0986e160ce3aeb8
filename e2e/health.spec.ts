import { expect, test } from '@playwright/test';

test('GET /api/health reports the engine, the migration state, the version and the running jobs', async ({
  request,
}) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = await response.json();
  // The server runs the background jobs (scripts/serve.ts; JOBS is not off here).
  expect(body).toMatchObject({ status: 'ok', engine: 'pglite', migrations: { upToDate: true }, jobs: 'running' });
  expect(body.migrations.applied).toBe(body.migrations.expected);
  expect(body.migrations.expected).toBeGreaterThan(0);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
