import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startupProblems } from './startup';

const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/comptoir' } as const;

describe('startupProblems', () => {
  it('refuses production on PostgreSQL without the shared secrets, naming each', () => {
    const problems = startupProblems({ ...production });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/AUTH_SECRET/);
    expect(problems[1]).toMatch(/COMPTOIR_SECRET_KEY/);
  });

  it('starts once both are set, and on the embedded engine without them', () => {
    const key = randomBytes(32).toString('base64');
    expect(startupProblems({ ...production, AUTH_SECRET: 'x'.repeat(32), COMPTOIR_SECRET_KEY: key })).toEqual([]);
    expect(startupProblems({ NODE_ENV: 'production' })).toEqual([]);
  });
});
