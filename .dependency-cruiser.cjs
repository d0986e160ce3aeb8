/**
 * The layers of Comptoir as rules (CONTRIBUTING.md explains them; `npm run lint:boundaries` runs
 * them, `npm run lint` includes it). Every rule is an error: a violation fails the run.
 * lib/system/boundaries.test.ts proves each rule fires on a file that breaks it.
 *
 * Paths are resolved (the `@/` alias through tsconfig.json), and type-only imports count:
 * `import type { Db } from '@/db/client'` in a component is still a dependency on db/.
 */

/** The packages only the Next.js edge (lib/next, app/, components/) may use. */
const NEXT_AND_REACT = '^(node_modules/)?(@types/)?(next|next-auth|next-intl|react|react-dom)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-not-next',
      comment:
        'lib/ outside lib/next is plain TypeScript: it runs the same from an action, a route, a job, a script ' +
        'or a test, so it imports no Next.js, next-auth, next-intl or React. Next-bound code goes to lib/next/.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/next/' },
      to: { path: NEXT_AND_REACT },
    },
    {
      name: 'domain-not-edge',
      comment:
        'lib/ outside lib/next depends on nothing above it: not on app/, components/ or lib/next/. Tests are ' +
        'the exception: a domain test may drive the route or lane that serves it (lib/orders/api.test.ts).',
      severity: 'error',
      from: { path: '^lib/', pathNot: ['^lib/next/', '\\.test\\.tsx?$', '^lib/messages/render\\.ts$'] },
      to: { path: '^(app|components|lib/next)/' },
    },
    {
      name: 'messages-render-uses-emails-only',
      comment:
        'lib/messages/render.ts is the one domain file that reaches above lib/: the dispatcher (a job, outside ' +
        'Next.js) renders customer e-mails, which are React Email components and so live in components/emails/ ' +
        'where React is allowed. It may import those templates and nothing else of app/, components/ or lib/next/.',
      severity: 'error',
      from: { path: '^lib/messages/render\\.ts$' },
      to: { path: '^(app|components|lib/next)/', pathNot: '^components/emails/' },
    },
    {
      name: 'db-not-lib',
      comment:
        'db/ is the bottom layer: schema, migrations and the client import nothing from lib/. The one exception ' +
        'is the process logger, lib/log.ts, a leaf (rule log-is-a-leaf) that db/client.ts reports pool errors to.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^lib/', pathNot: '^lib/log\\.ts$' },
    },
    {
      name: 'schema-not-lib',
      comment: 'The schema and the migrations import nothing from lib/, not even the logger.',
      severity: 'error',
      from: { path: '^db/(schema|migrations)/' },
      to: { path: '^lib/' },
    },
    {
      name: 'log-is-a-leaf',
      comment: 'lib/log.ts is imported by db/client.ts, so it may import nothing of the project itself.',
      severity: 'error',
      from: { path: '^lib/log\\.ts$' },
      to: { path: '^(app|components|lib|db|scripts|bench|e2e)/' },
    },
    {
      name: 'components-not-db',
      comment:
        'Components render what pages and actions give them; they never reach the database, not even for a ' +
        'type (use the DTO types of lib/<domain>).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^db/' },
    },
    {
      name: 'components-not-app',
      comment: 'Components sit below the routes: server actions come from lib/next/actions/<area>.ts, not app/.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'components-edge-actions-and-i18n-only',
      comment:
        'From the Next.js edge a component imports only server actions (lib/next/actions/<area>.ts) and the ' +
        'i18n entries (lib/next/i18n.ts in server components, lib/next/i18n-client.tsx in client ones); ' +
        'sessions, guards and the auth config are for pages, routes and actions.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/next/', pathNot: '^lib/next/(actions/[^/]+\\.ts|i18n\\.ts|i18n-client\\.tsx)$' },
    },
    {
      name: 'ui-not-seed-or-bench',
      comment: 'Routes and components never run seeds or benchmarks: those are for scripts, tests and bench/.',
      severity: 'error',
      from: { path: '^(app|components)/' },
      to: { path: '^(lib/seed|bench)/' },
    },
    ...['e2e', 'bench', 'scripts'].map((folder) => ({
      name: `nothing-imports-${folder}`,
      comment:
        `${folder}/ is an entry point: it imports the code, nothing outside it imports it. What it shares ` +
        'with the app belongs in lib/.',
      severity: 'error',
      from: { pathNot: `^${folder}/` },
      to: { path: `^${folder}/` },
    })),
    {
      name: 'no-cycle-between-domains',
      comment:
        'lib domains depend on each other one way (orders → inventory, never back): a cycle between two ' +
        'folders of lib/ means a rule lives on the wrong side.',
      severity: 'error',
      from: { path: '^lib/([^/]+)/' },
      to: { path: '^lib/', pathNot: '^lib/$1/', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|\\.data|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
