/**
 * First-load JavaScript per route, from the last `next build`: the chunks a browser must download
 * and run before a page is interactive (the shared framework chunks plus the route's own), each
 * compressed as the app's server sends it. Fails (exit 1) when a page route is over the budget, so
 * a heavy import into a shared component shows up in CI rather than on a store's tablet.
 *
 *   npm run bundle-size [-- --budget-kb 150] [--encoding br|gzip] [--json]
 *
 * The budget applies to brotli by default: scripts/serve.ts sends the build's chunks
 * brotli-compressed at quality 11 (lib/next/brotli-static.ts, whose options are used here) to
 * every browser that accepts br, which all current ones do; gzip (level 9, within 1 % of what
 * Next's own compression sends, before the custom server did) is printed beside it, ~13 % more.
 * The goal is 150 KB a route; `npm run test:e2e` runs this with a looser budget, above the
 * heaviest route, as a guard against regressions (an eagerly imported chart is +100 KB): lower it
 * as routes get lighter.
 *
 * What Next.js and React alone cost: an empty page of a fresh Next 16.4 app (same next/react
 * versions) is 131.4 KB gzip, 134.9 KB with one client component using next/link and usePathname.
 * On 2026-12-08 (session 17), brotli / gzip: what every route shares (/_not-found) 125.7 / 145.6 KB,
 * of which next-intl's client ~4 KB gzip; a back-office page with only the shell (/settings)
 * 128.9 / 149.1; lists and detail pages 129.5–135.1 / 149.8–156.3; /pickups (TanStack Query)
 * 142.6 / 164.3; the form pages (react-hook-form) 146.3–149.9 / 168.4–172.6; /orders/new (both)
 * 162.2 / 186.3, the one route over 150. Much of what was above the framework was modules copied
 * into several chunks by Turbopack's default chunking, which merges small chunks at the price of
 * duplicates (next/link three times on /orders): next.config.js's turbopackChunking asks for
 * smaller chunks instead (more requests, which HTTP/2 makes cheap, but ~20 KB less code each).
 * Classes are joined with clsx everywhere: tailwind-merge, ~8 KB on every page with a form, a
 * table or a dialog, is gone (CONTRIBUTING.md, "classes"). What a page shows only now and then
 * comes after it: the error boundaries' view (fetched when the page is idle), the bar of a slow
 * navigation, the toaster, dialogs, the customer palette and search, the chart, the receive page's
 * CSV import, zod and a form's schema.
 *
 * The chunk lists come from .next/diagnostics/route-bundle-stats.json, which `next build`
 * (Next 16, Turbopack) writes for every route. Chunks loaded later (next/dynamic, a chart on idle)
 * are not in a route's first load, which is the point.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { brotliOptions } from '@/lib/next/brotli-static';

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
type Encoding = 'br' | 'gzip';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const budgetKb = Number(option('--budget-kb') ?? 150);
const encoding = (option('--encoding') ?? 'br') as Encoding;
const asJson = args.includes('--json');
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error('bundle-size: --budget-kb needs a positive number');
  process.exit(2);
}
if (encoding !== 'br' && encoding !== 'gzip') {
  console.error('bundle-size: --encoding is br or gzip');
  process.exit(2);
}

const root = process.cwd();
const statsFile = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
if (!existsSync(statsFile)) {
  console.error(`bundle-size: no ${path.relative(root, statsFile)}; run \`npx next build\` first`);
  process.exit(2);
}
const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as RouteStats[];

// Each chunk is a file of its own on the wire: compressed alone, as the server sends it.
const compressedCache = new Map<string, Record<Encoding, number>>();
function compressed(chunk: string): Record<Encoding, number> {
  let sizes = compressedCache.get(chunk);
  if (sizes === undefined) {
    const raw = readFileSync(path.join(root, chunk));
    sizes = { br: brotliCompressSync(raw, brotliOptions(raw.length)).length, gzip: gzipSync(raw, { level: 9 }).length };
    compressedCache.set(chunk, sizes);
  }
  return sizes;
}
const sum = (chunks: Iterable<string>, as: Encoding) => [...chunks].reduce((total, c) => total + compressed(c)[as], 0);

// API routes and other route handlers send no JavaScript to a browser.
const pages = stats.filter((s) => !s.route.startsWith('/api/') && s.firstLoadChunkPaths.length > 0);
const rows = pages
  .map((s) => ({
    route: s.route,
    brBytes: sum(s.firstLoadChunkPaths, 'br'),
    gzipBytes: sum(s.firstLoadChunkPaths, 'gzip'),
    rawBytes: s.firstLoadUncompressedJsBytes,
    chunks: s.firstLoadChunkPaths.length,
  }))
  .sort((a, b) => b.brBytes - a.brBytes);
const measured = (r: (typeof rows)[number]) => (encoding === 'br' ? r.brBytes : r.gzipBytes);

// What every page downloads whatever its route: the chunks all routes share.
const shared = pages
  .map((s) => new Set(s.firstLoadChunkPaths))
  .reduce((acc, set) => new Set([...acc].filter((c) => set.has(c))));

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const over = rows.filter((r) => measured(r) > budgetKb * 1024);

if (asJson) {
  console.log(
    JSON.stringify(
      { budgetKb, encoding, sharedBrBytes: sum(shared, 'br'), sharedGzipBytes: sum(shared, 'gzip'), routes: rows },
      null,
      2,
    ),
  );
} else {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`${'route'.padEnd(width)}    brotli      gzip        raw   chunks   (first load)`);
  for (const r of rows) {
    const mark = measured(r) > budgetKb * 1024 ? '  ✗ over budget' : '';
    console.log(
      `${r.route.padEnd(width)}  ${kb(r.brBytes).padStart(6)} KB  ${kb(r.gzipBytes).padStart(6)} KB  ${kb(r.rawBytes).padStart(6)} KB  ${String(r.chunks).padStart(3)}${mark}`,
    );
  }
  console.log(
    `\nshared by every route: ${kb(sum(shared, 'br'))} KB brotli, ${kb(sum(shared, 'gzip'))} KB gzip in ${shared.size} chunks; budget ${budgetKb} KB ${encoding}`,
  );
}

if (over.length > 0) {
  console.error(`bundle-size: ${over.length} route(s) over ${budgetKb} KB of first-load JavaScript (${encoding})`);
  process.exit(1);
}
