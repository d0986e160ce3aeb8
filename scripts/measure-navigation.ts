/**
 * Client-side navigation between a list and a detail page, measured in Chromium against a
 * running production server (`npm run build && npm start`, or scripts/e2e-server.sh):
 *
 *   npx tsx scripts/measure-navigation.ts [--url http://127.0.0.1:3107] [--rounds 15] [--warmup 3]
 *     [--pause 800] [--dwell 100] [--json] [--only orders,inventory,customers,pickups]
 *
 * For each flow (orders list → order page → back, inventory list → SKU page → back, a customer
 * search's result → profile → browser back, the pickup queue → a pick list → back) it clicks a
 * different row each round, as a user does, and times in the page itself from the click event to
 * the commit of the destination's heading (a MutationObserver; the paint follows within a frame).
 * It also records whether a loading skeleton (`aria-busy="true"`) was shown on the way. Before
 * each click the page rests `--pause` ms, so prefetches started by the links in view can finish,
 * as they would while a person reads the list. A person's pointer also rests on a link for a moment
 * before the press (Link prefetches the whole page from then on: components/ui/link.tsx): the
 * pointer is moved onto the link `--dwell` ms before the click (100 by default, less than people
 * take; 0 is a script's instant click). The time is still taken from the click. Signs in as the demo owner (the pickup queue: as
 * the Paris manager, whose queue the demo fills and whose "back" link leads to the same store).
 *
 * Exits 1 when a median is over 150 ms or a skeleton flashed in more than one click in ten.
 */
import { parseArgs } from 'node:util';
import { chromium, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/seed/constants';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.E2E_PORT ?? 3107}` },
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    pause: { type: 'string', default: '800' },
    dwell: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const baseUrl = values.url;
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
const pauseMs = Number(values.pause);
const dwellMs = Number(values.dwell);
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

async function hrefPath(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('link without href');
  return new URL(href, baseUrl).pathname;
}

async function timedClick(
  page: Page,
  link: Locator,
  pathOf: (link: Locator) => Promise<string> = hrefPath,
): Promise<Sample> {
  const path = await pathOf(link);
  await arm(page, path);
  if (dwellMs > 0) {
    await link.hover();
    await page.waitForTimeout(dwellMs);
  }
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

type Flow = {
  name: string;
  list: string;
  rowLinks: string;
  /** Where a row leads: its href, unless the row navigates from script (the customer search's options). */
  path?: (row: Locator) => Promise<string>;
  /** The link back to the list, timed; none: the browser's back button, untimed (the list lives in its URL). */
  back?: string;
  /** Who clicks: a demo account's e-mail (default: the owner). */
  as?: string;
};

const FLOWS: Flow[] = [
  { name: 'orders', list: '/orders', rowLinks: 'main table a[href^="/orders/"]', back: 'main a[href="/orders"]' },
  {
    name: 'inventory',
    list: '/inventory',
    rowLinks: 'main table a[href^="/inventory/"]:not([href^="/inventory/transfers"]):not([href^="/inventory/counts"])',
    back: 'main a[href="/inventory"]',
  },
  {
    // The search's results are cmdk options that open the profile with router.push (value = the id).
    name: 'customers',
    list: '/customers?q=martin',
    rowLinks: 'main [role="option"]',
    path: async (row) => `/customers/${await row.getAttribute('data-value')}`,
  },
  {
    // Paris's parcels to pick: each card's "Pick" opens its pick list.
    name: 'pickups',
    list: '/pickups',
    as: DEMO_USERS.find((u) => u.role === 'manager' && u.locations.includes('PAR'))!.email,
    rowLinks: 'main a[href^="/pickups/"]:not([href^="/pickups/counter"]):not([href^="/pickups/print"])',
    back: 'main a[href="/pickups"]',
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
const pages = new Map<string, Page>();
/** A page signed in as the demo account `email`, one per account. */
async function signedIn(email: string): Promise<Page> {
  const known = pages.get(email);
  if (known) return known;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/');
  pages.set(email, page);
  return page;
}
const owner = DEMO_USERS.find((u) => u.role === 'owner')!;
const only = values.only?.split(',');

const results: Record<string, ReturnType<typeof summary>> = {};
for (const flow of FLOWS.filter((f) => !only || only.includes(f.name))) {
  const page = await signedIn(flow.as ?? owner.email);
  await page.goto(`${baseUrl}${flow.list}`);
  // A live page (the pickup queue's event stream) never goes network-idle: then the pause stands in.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => page.waitForTimeout(pauseMs));
  const toDetail: Sample[] = [];
  const toList: Sample[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const links = page.locator(flow.rowLinks);
    await links.first().waitFor({ timeout: 15_000 });
    const count = await links.count();
    const d = await timedClick(page, links.nth(i % count), flow.path);
    let l: Sample | null = null;
    if (flow.back) l = await timedClick(page, page.locator(flow.back).first());
    else {
      await page.goBack();
      await page.waitForTimeout(pauseMs);
    }
    if (i >= warmup) {
      toDetail.push(d);
      if (l) toList.push(l);
    }
  }
  results[`${flow.name} list → detail`] = summary(toDetail);
  if (toList.length > 0) results[`${flow.name} detail → list`] = summary(toList);
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
