import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of .dependency-cruiser.cjs, run through dependency-cruiser's API: on a small tree
// where each rule is broken once (so a rule that stops matching fails here), then on the real tree.

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;
/** What `npm run lint:boundaries` cruises. */
const ENTRIES = [
  'app',
  'components',
  'lib',
  'db',
  'scripts',
  'bench',
  'e2e',
  'proxy.ts',
  'instrumentation.ts',
  'instrumentation-client.ts',
];

type Violation = { rule: string; from: string; to: string };

async function violations(baseDir: string, entries: string[]): Promise<Violation[]> {
  const tsConfig = path.join(baseDir, 'tsconfig.json');
  const { output } = await cruise(
    entries,
    {
      ...config.options,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      baseDir,
      tsConfig: { fileName: tsConfig },
      outputType: 'json',
    },
    // Keep node_modules/… paths as the project sees them (the fixture's node_modules is a link).
    { symlinks: false },
    { tsConfig: extractTSConfig(tsConfig) },
  );
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** Each file of the fixture tree, with what it imports. */
const FIXTURES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }),
  // Allowed: the edge uses Next, a domain uses a domain, a domain test drives the route serving it.
  'lib/next/session.ts': "import 'next/navigation';\nimport '@/lib/inventory/rules';\n",
  'lib/next/actions/inventory.ts': "import '@/lib/inventory/rules';\n",
  'lib/next/i18n.ts': 'export {};\n',
  'lib/next/i18n-client.tsx': "import 'react';\n",
  'lib/inventory/rules.ts': "import '@/lib/errors';\n",
  'lib/inventory/rules.test.ts': "import '@/app/api/route';\nimport '@/lib/next/session';\n",
  'lib/errors.ts': 'export {};\n',
  'app/api/route.ts': "import '@/lib/next/session';\nimport '@/db/client';\n",
  'db/client.ts': "import '@/lib/log';\n",
  'e2e/fixtures.ts': "import '@/lib/seed/demo';\n",
  'e2e/spec.ts': "import './fixtures';\n",
  'bench/run.ts': "import '@/lib/seed/demo';\nimport './harness';\n",
  'bench/harness.ts': 'export {};\n',
  'scripts/tool.ts': "import '@/lib/seed/demo';\n",
  'lib/seed/demo.ts': "import '@/lib/inventory/rules';\n",
  'components/inventory/form.tsx':
    "import '@/lib/next/actions/inventory';\nimport '@/lib/next/i18n-client';\nimport '@/lib/next/i18n';\nimport '@/components/ui/button';\n",
  'components/ui/button.tsx': "import 'react';\n",
  // The dispatcher's renderer uses the e-mail templates (and only them).
  'lib/messages/render.ts': "import '@/components/emails/render';\nimport '@/components/ui/button';\n",
  'components/emails/render.tsx': "import 'react';\n",
  // Broken, one file per rule.
  'lib/orders/uses-next.ts':
    "import 'next/navigation';\nimport type { ReactNode } from 'react';\nexport type X = ReactNode;\n",
  'lib/orders/uses-edge.ts':
    "import '@/app/api/route';\nimport '@/components/ui/button';\nimport '@/lib/next/session';\n",
  'lib/seed/uses-next-auth.ts': "import 'next-auth';\n",
  'db/reads-lib.ts': "import '@/lib/inventory/rules';\n",
  'db/schema/orders.ts': "import '@/lib/log';\n",
  'lib/log.ts': "import '@/lib/errors';\n",
  'components/orders/table.tsx': "import type { Db } from '@/db/client';\nexport type T = Db;\n",
  'components/orders/uses-app.tsx': "import '@/app/api/route';\n",
  'components/orders/uses-session.tsx': "import '@/lib/next/session';\n",
  'app/page.tsx': "import '@/lib/seed/demo';\nimport '@/bench/run';\n",
  'lib/orders/uses-entry-points.ts': "import '@/e2e/fixtures';\nimport '@/bench/run';\nimport '@/scripts/tool';\n",
  'lib/customers/a.ts': "import '@/lib/kpis/b';\n",
  'lib/kpis/b.ts': "import '@/lib/customers/a';\n",
};

describe('layer boundaries (.dependency-cruiser.cjs)', () => {
  let fixtureDir: string;

  beforeAll(() => {
    fixtureDir = mkdtempSync(path.join(tmpdir(), 'comptoir-boundaries-'));
    for (const [file, text] of Object.entries(FIXTURES)) {
      mkdirSync(path.dirname(path.join(fixtureDir, file)), { recursive: true });
      writeFileSync(path.join(fixtureDir, file), text);
    }
    // The real packages, so `next/navigation` resolves to node_modules/next/… as in the project.
    symlinkSync(path.join(root, 'node_modules'), path.join(fixtureDir, 'node_modules'), 'dir');
  });

  afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

  it('reports each rule on the file that breaks it, and nothing else', async () => {
    const found = await violations(fixtureDir, ['app', 'components', 'lib', 'db', 'scripts', 'bench', 'e2e']);
    const key = (v: Violation) => `${v.rule}: ${v.from} → ${v.to}`;
    expect(found.map(key).sort()).toEqual(
      [
        { rule: 'domain-not-next', from: 'lib/orders/uses-next.ts', to: 'node_modules/next/navigation.js' },
        { rule: 'domain-not-next', from: 'lib/orders/uses-next.ts', to: 'node_modules/react/index.js' },
        { rule: 'domain-not-next', from: 'lib/seed/uses-next-auth.ts', to: 'node_modules/next-auth/index.d.ts' },
        { rule: 'domain-not-edge', from: 'lib/orders/uses-edge.ts', to: 'app/api/route.ts' },
        { rule: 'domain-not-edge', from: 'lib/orders/uses-edge.ts', to: 'components/ui/button.tsx' },
        { rule: 'domain-not-edge', from: 'lib/orders/uses-edge.ts', to: 'lib/next/session.ts' },
        {
          rule: 'messages-render-uses-emails-only',
          from: 'lib/messages/render.ts',
          to: 'components/ui/button.tsx',
        },
        { rule: 'db-not-lib', from: 'db/reads-lib.ts', to: 'lib/inventory/rules.ts' },
        { rule: 'schema-not-lib', from: 'db/schema/orders.ts', to: 'lib/log.ts' },
        { rule: 'log-is-a-leaf', from: 'lib/log.ts', to: 'lib/errors.ts' },
        { rule: 'components-not-db', from: 'components/orders/table.tsx', to: 'db/client.ts' },
        { rule: 'components-not-app', from: 'components/orders/uses-app.tsx', to: 'app/api/route.ts' },
        {
          rule: 'components-edge-actions-and-i18n-only',
          from: 'components/orders/uses-session.tsx',
          to: 'lib/next/session.ts',
        },
        { rule: 'ui-not-seed-or-bench', from: 'app/page.tsx', to: 'lib/seed/demo.ts' },
        { rule: 'ui-not-seed-or-bench', from: 'app/page.tsx', to: 'bench/run.ts' },
        { rule: 'nothing-imports-bench', from: 'app/page.tsx', to: 'bench/run.ts' },
        { rule: 'nothing-imports-e2e', from: 'lib/orders/uses-entry-points.ts', to: 'e2e/fixtures.ts' },
        { rule: 'nothing-imports-bench', from: 'lib/orders/uses-entry-points.ts', to: 'bench/run.ts' },
        { rule: 'nothing-imports-scripts', from: 'lib/orders/uses-entry-points.ts', to: 'scripts/tool.ts' },
        { rule: 'no-cycle-between-domains', from: 'lib/customers/a.ts', to: 'lib/kpis/b.ts' },
      ]
        .map(key)
        .sort(),
    );
  });

  it('finds no violation in the project', async () => {
    expect(await violations(root, ENTRIES)).toEqual([]);
  });
});
