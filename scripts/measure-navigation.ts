/**
 * Client-side navigation between a list and a detail page, measured in Chromium against a
 * running production server (`npm run build && npm start`, or scripts/e2e-server.sh):
 *
 *   npx tsx scripts/measure-navigation.ts [--url http://127.0.0.1:3107] [--rounds 15] [--warmup 3]
 *     [--pause 800] [--json]
 *
 * For each flow (orders list → order page → back, inventory list → SKU page → back) it clicks a
 * different row each round, as a user does, and times in the page itself from the click event to
 * the commit of the destination's heading (a MutationObserver; the paint follows within a frame).
 * It also records whether a loading skeleton (`aria-busy="true"`) was shown on the way. Before
 * each click the page rests `--pause` ms, so prefetches started by the links in view can finish,
 * as they would while a person reads the list. Signs in as the demo owner.
 *
 * Exits 1 when a median is over 150 ms or a skeleton flashed in more than one click in ten.
 */
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/constants';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}` },
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    pause: { type: 'string', default: '800' },
    json: { type: 'boolean', default: false },
  },
});
const baseUrl = values.url;
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
const pauseMs = Number(values.pause);
const BUDGET_MS = 150;

type Sample = { ms: number; skeleton: boolean };

/**
 * The in-page probe, as source text: tsx would wrap functions written here in helpers that do not
 * exist in the page. Arms t0 at the click and t1 when `main h1` is a new element on the target
 * path with no skeleton around it; notes any skeleton (`aria-busy="true"`) seen in between.
 */
const PROBE = `(target) => {
  const before = document.querySelector('main h1');
  const state = { t0: 0, t1: 0, skeleton: false, stop: () => {} };
  const check = () => {
    if (document.querySelector('main [aria-busy="true"]')) state.skeleton = true;
    if (state.t1 || !state.t0 || location.pathname !== target) return;
    const h1 = document.querySelector('main h1');
    if (h1 && h1 !== before && !h1.closest('[aria-busy="true"]')) state.t1 = performance.now();
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const onClick = (e) => { state.t0 = e.timeStamp; };
  document.addEventListener('click', onClick, { capture: true, once: true });
  state.stop = () => {
    observer.disconnect();
    document.removeEventListener('click', onClick, { capture: true });
  };
  window.__nav = state;
}`;

async function arm(page: Page, path: string): Promise<void> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(path)})`);
}

async function timedClick(page: Page, link: ReturnType<Page['locator']>): Promise<Sample> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('link without href');
  const path = new URL(href, baseUrl).pathname;
  await arm(page, path);
  await link.click();
  // Polled from here: the page's CSP refuses the eval behind waitForFunction. The times are taken in the page.
  for (let waited = 0; !(await page.evaluate('window.__nav.t1 > 0')); waited += 10) {
    if (waited > 15_000) throw new Error(`no heading on ${path} 15 s after the click`);
    await page.waitForTimeout(10);
  }
  const { ms, skeleton } = await page.evaluate<Sample>(
    '(() => { const s = window.__nav; s.stop(); return { ms: s.t1 - s.t0, skeleton: s.skeleton }; })()',
  );
  await page.waitForTimeout(pauseMs);
  return { ms, skeleton };
}

type Flow = { name: string; list: string; rowLinks: string; back: string };

const FLOWS: Flow[] = [
  { name: 'orders', list: '/orders', rowLinks: 'main table a[href^="/orders/"]', back: 'main a[href="/orders"]' },
  {
    name: 'inventory',
    list: '/inventory',
    rowLinks: 'main table a[href^="/inventory/"]:not([href^="/inventory/transfers"]):not([href^="/inventory/counts"])',
    back: 'main a[href="/inventory"]',
  },
];

function summary(samples: Sample[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: sorted.length,
    medianMs: Math.round(at(0.5)),
    p90Ms: Math.round(at(0.9)),
    minMs: Math.round(sorted[0]),
    maxMs: Math.round(sorted[sorted.length - 1]),
    skeletons: samples.filter((s) => s.skeleton).length,
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
const page = await context.newPage();
const owner = DEMO_USERS.find((u) => u.role === 'owner')!;
await page.goto(`${baseUrl}/login`);
await page.getByLabel('Email', { exact: true }).fill(owner.email);
await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.waitForURL((u) => u.pathname === '/');

const results: Record<string, ReturnType<typeof summary>> = {};
for (const flow of FLOWS) {
  await page.goto(`${baseUrl}${flow.list}`);
  await page.waitForLoadState('networkidle');
  const toDetail: Sample[] = [];
  const toList: Sample[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const links = page.locator(flow.rowLinks);
    const count = await links.count();
    const d = await timedClick(page, links.nth(i % count));
    const l = await timedClick(page, page.locator(flow.back).first());
    if (i >= warmup) {
      toDetail.push(d);
      toList.push(l);
    }
  }
  results[`${flow.name} list → detail`] = summary(toDetail);
  results[`${flow.name} detail → list`] = summary(toList);
}
await browser.close();

if (values.json) console.log(JSON.stringify(results, null, 2));
else {
  for (const [name, s] of Object.entries(results)) {
    console.log(
      `${name.padEnd(28)} median ${String(s.medianMs).padStart(4)} ms  p90 ${String(s.p90Ms).padStart(4)} ms  ` +
        `min ${String(s.minMs).padStart(4)}  max ${String(s.maxMs).padStart(4)}  skeleton shown ${s.skeletons}/${s.n}`,
    );
  }
}
const failed = Object.entries(results).filter(([, s]) => s.medianMs > BUDGET_MS || s.skeletons > s.n / 10);
if (failed.length > 0) {
  console.error(`measure-navigation: over ${BUDGET_MS} ms or skeleton flashes: ${failed.map(([n]) => n).join(', ')}`);
  process.exit(1);
}
