/**
 * First-load JavaScript per route, gzip-compressed, from the last `next build`: the chunks a
 * browser must download and run before a page is interactive (the shared framework chunks plus
 * the route's own). Fails (exit 1) when a page route is over the budget, so a heavy import into a
 * shared component shows up in CI rather than on a store's tablet.
 *
 *   npm run bundle-size [-- --budget-kb 150] [--json]
 *
 * The goal is 150 KB a route; `npm run test:e2e` runs it with a looser budget (188 KB, above
 * the heaviest route, /orders/new at 187.0 KB on 2026-12-07) as a guard against regressions (an
 * eagerly imported chart is +100 KB) until every route is under the goal: lower that figure as
 * routes get lighter. What Next.js and React alone cost: an empty page of a fresh Next 16.4 app
 * (same next/react versions, measured this way) is 131.4 KB, 134.9 KB with one client component
 * using next/link and usePathname. On 2026-12-07 (session 16): what every route shares
 * (/_not-found) 144.7 KB, of which next-intl's client ~4 KB; /login 149.1; a back-office page with
 * only the shell (/forbidden, /kpis, /settings) 149.3 and the print pages 149.9, the inventory's
 * smaller lists 150.0, all under 150; / and /customers 150.1–150.2; lists and detail pages with
 * filters, notes or tags 151.5–156.4; /pickups and /pickups/counter (TanStack Query) 164.3; the form
 * pages (react-hook-form) 169.4–174.2. So a page has about 1 KB for client code of its own under
 * 150. Much of what was above the framework was modules copied into several chunks by
 * Turbopack's default chunking, which merges small chunks at the price of duplicates (next/link
 * three times on /orders): next.config.js's turbopackChunking asks for smaller chunks instead
 * (more requests, which HTTP/2 makes cheap, but ~20 KB less code each). Classes are joined with
 * clsx everywhere: tailwind-merge, ~8 KB on every page with a form, a table or a dialog, is gone
 * (CONTRIBUTING.md, "classes"). What a page shows only now and then comes after it: the error
 * boundaries' view (fetched when the page is idle), the bar of a slow navigation, the toaster,
 * dialogs, the customer palette and search, the chart.
 *
 * The chunk lists come from .next/diagnostics/route-bundle-stats.json, which `next build`
 * (Next 16, Turbopack) writes for every route; sizes are measured here with gzip level 9 (what
 * Next's own compression sends, within 1 % of its default level; a CDN serving brotli at quality 11
 * sends ~13 % less: /orders/new 162.7 KB, /settings 129.0 on 2026-12-07). Chunks loaded later
 * (next/dynamic, a chart on idle) are not in a route's first load, which is the point.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const args = process.argv.slice(2);
const budgetArg = args.indexOf('--budget-kb');
const budgetKb = budgetArg >= 0 ? Number(args[budgetArg + 1]) : 150;
const asJson = args.includes('--json');
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error('bundle-size: --budget-kb needs a positive number');
  process.exit(2);
}

const root = process.cwd();
const statsFile = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
if (!existsSync(statsFile)) {
  console.error(`bundle-size: no ${path.relative(root, statsFile)}; run \`npx next build\` first`);
  process.exit(2);
}
const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteStats[];

const gzipCache = new Map<string, number>();
function gzipBytes(chunk: string): number {
  let size = gzipCache.get(chunk);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length;
    gzipCache.set(chunk, size);
  }
  return size;
}

// API routes and other route handlers send no JavaScript to a browser.
const pages = stats.filter((s) => !s.route.startsWith('/api/') && s.firstLoadChunkPaths.length > 0);
const rows = pages
  .map((s) => ({
    route: s.route,
    gzipBytes: s.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipBytes(chunk), 0),
    rawBytes: s.firstLoadUncompressedJsBytes,
    chunks: s.firstLoadChunkPaths.length,
  }))
  .sort((a, b) => b.gzipBytes - a.gzipBytes);

// What every page downloads whatever its route: the chunks all routes share.
const shared = pages
  .map((s) => new Set(s.firstLoadChunkPaths))
  .reduce((acc, set) => new Set([...acc].filter((c) => set.has(c))));
const sharedBytes = [...shared].reduce((sum, chunk) => sum + gzipBytes(chunk), 0);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const over = rows.filter((r) => r.gzipBytes > budgetKb * 1024);

if (asJson) {
  console.log(JSON.stringify({ budgetKb, sharedGzipBytes: sharedBytes, routes: rows }, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`${'route'.padEnd(width)}  first load (gzip)   raw   chunks`);
  for (const r of rows) {
    const mark = r.gzipBytes > budgetKb * 1024 ? '  ✗ over budget' : '';
    console.log(
      `${r.route.padEnd(width)}  ${kb(r.gzipBytes).padStart(8)} KB  ${kb(r.rawBytes).padStart(8)} KB  ${String(r.chunks).padStart(3)}${mark}`,
    );
  }
  console.log(`\nshared by every route: ${kb(sharedBytes)} KB gzip in ${shared.size} chunks; budget ${budgetKb} KB`);
}

if (over.length > 0) {
  console.error(`bundle-size: ${over.length} route(s) over ${budgetKb} KB of first-load JavaScript (gzip)`);
  process.exit(1);
}
