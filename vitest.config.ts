import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{lib,db,app,components,bench,scripts}/**/*.test.{ts,tsx}'],
    // Concurrency tests need a real server with a pool: they run when DATABASE_URL names one.
    exclude: process.env.DATABASE_URL ? ['**/node_modules/**'] : ['**/node_modules/**', '**/*.pg.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `server-only` throws outside a React server bundle; tests import server modules directly.
    alias: { 'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts') },
  },
});
