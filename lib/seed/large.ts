import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { plainCredentialRows, sealSigningSecrets } from '@/lib/channels/credentials';
import { demoSeedMarker } from '@/lib/system/install';
import type { DbHandle } from '@/db/client';
import type { LocalNames } from '@/lib/i18n/local-name';
import * as s from '@/db/schema';
import { insertLiteral } from '@/lib/seed/bulk';
import { DEMO_CHANNELS, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_USERS, DEMO_WAREHOUSE_CODE } from '@/lib/seed/constants';
import {
  CATEGORIES,
  CUSTOMER_CITIES,
  EMAIL_DOMAIN_WEIGHTS,
  EMAIL_DOMAINS,
  MODEL_NAMES,
  MORE_CITIES,
  STREETS,
} from '@/lib/seed/data';
import { largeNameSql } from '@/lib/seed/large-names';
import { dayFactor, kindOf } from '@/lib/seed/demo-orders';
import { sqlEan13CheckDigit } from '@/lib/seed/ean';
import { KPI_DAILY_FROM_ORDERS_SQL } from '@/lib/seed/rollups';
import { DAY, parisDayBefore, parisToUtc } from '@/lib/seed/time';
import { sqlReturnedRefundCents } from '@/lib/orders/amounts';
import { sqlVatIncludedCents } from '@/lib/orders/tax';

export type SeedLargeOptions = {
  /** Multiplies customers, orders and the catalogue (1 = 1M customers, 3M orders, 100k SKUs × 50 locations). */
  scale?: number;
  /** Orders are spread over the twelve months before this instant (default: now). */
  now?: Date;
  log?: (line: string) => void;
};

export const LARGE_SIZES = {
  customers: 1_000_000,
  orders: 3_000_000,
  products: 25_000,
  variantsPerProduct: 4,
  locations: 50,
} as const;

/** How many products seedLarge makes at `scale` (never fewer than 250). */
function largeProducts(scale: number): number {
  return Math.max(250, Math.round(LARGE_SIZES.products * scale));
}

/**
 * The bench reuses a seeded database: as many SKUs as seedLarge makes at `scale` (100k at 1) or
 * more means the large data set is there.
 */
export async function isLargeSeedPresent(handle: DbHandle, scale = 1): Promise<boolean> {
  const res = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM variants`);
  return Number(res.rows[0].n) >= largeProducts(scale) * LARGE_SIZES.variantsPerProduct;
}

// The generator functions live in this schema for the duration of the load only.
const CS = 'comptoir_seed';

/** Tables loaded in bulk: their foreign keys, unique constraints and secondary indexes are
 * dropped before the load and rebuilt after it (one sort per index instead of a random
 * insert per row); primary keys stay, fed in key order. */
const BULK_TABLES = [
  'products',
  'variants',
  'customers',
  'customer_identities',
  'orders',
  'order_lines',
  'order_events',
  'reservations',
  'pickups',
  'inventory_levels',
  'inventory_movements',
  'kpi_daily',
];

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(quote).join(',')}]::text[]`;
}

function intArray(values: readonly number[]): string {
  return `ARRAY[${values.join(',')}]::int[]`;
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

type LargeLocation = {
  index: number;
  code: string;
  name: string;
  names: LocalNames;
  kind: 'store' | 'warehouse';
  city: string;
  address: string;
  holdDays: number;
};

/** 49 stores and the warehouse; the demo's codes (PAR, LYS, …, WH-ORL) come first. */
function largeLocations(): LargeLocation[] {
  const out: LargeLocation[] = DEMO_LOCATIONS.map((l, i) => ({
    index: i + 1,
    code: l.code,
    name: l.name,
    names: l.names ?? {},
    kind: l.kind,
    city: l.city,
    address: l.address,
    holdDays: l.holdDays,
  }));
  const codes = new Set(out.map((l) => l.code));
  for (const city of MORE_CITIES) {
    if (out.length >= LARGE_SIZES.locations) break;
    let code = ascii(city).slice(0, 3).toUpperCase();
    for (let n = 2; codes.has(code); n++) code = `${ascii(city).slice(0, 2).toUpperCase()}${n}`;
    codes.add(code);
    const index = out.length + 1;
    out.push({
      index,
      code,
      name: `Comptoir ${city}`,
      names: {},
      kind: 'store',
      city,
      address: `${((index * 7) % 120) + 1} rue de la République, ${city}`,
      holdDays: index % 3 === 0 ? 5 : 7,
    });
  }
  return out;
}

/**
 * Generates the large data set with set-based SQL on PostgreSQL: ~1M customers and their
 * identities, 3M orders over the last twelve months with their lines, events and pickups,
 * 100k SKUs stocked at 50 locations (5M inventory rows, each with its opening receipt in the
 * ledger), active reservations for the open orders, and the KPI rollups. Every value is a
 * deterministic function of a row number (hashes of the series index), so no data crosses the
 * wire. One transaction: a failure leaves the database as it was.
 */
export async function seedLarge(handle: DbHandle, opts: SeedLargeOptions = {}): Promise<Record<string, number>> {
  if (handle.engine !== 'postgresql') {
    throw new Error(
      'The large data set needs PostgreSQL: set DATABASE_URL (the embedded engine would take hours and gigabytes).',
    );
  }
  const log = opts.log ?? (() => {});
  const scale = opts.scale ?? 1;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000) * 1000;
  const nCustomers = Math.max(1000, Math.round(LARGE_SIZES.customers * scale));
  const nOrders = Math.max(3000, Math.round(LARGE_SIZES.orders * scale));
  const nProducts = largeProducts(scale);
  const nVariants = nProducts * LARGE_SIZES.variantsPerProduct;
  const locations = largeLocations();
  const warehouse = locations.find((l) => l.code === DEMO_WAREHOUSE_CODE)!;
  const stores = locations.filter((l) => l.kind === 'store');
  const nowSql = `'${new Date(now).toISOString()}'::timestamptz`;
  const counts: Record<string, number> = {};
  const started = Date.now();

  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  const db = drizzle({ client, schema: s, casing: 'snake_case' });
  const run = async (label: string, text: string, table?: string): Promise<number> => {
    const t0 = Date.now();
    const res = await client.query(text);
    const n = res.rowCount ?? 0;
    if (table) counts[table] = (counts[table] ?? 0) + n;
    log(
      `  ${label.padEnd(34)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s${table ? `  ${n.toLocaleString('en-US')} rows` : ''}`,
    );
    return n;
  };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await client.query('BEGIN');
    const empty = await client.query<{ empty: boolean }>(
      `SELECT NOT (EXISTS (SELECT 1 FROM locations) OR EXISTS (SELECT 1 FROM variants) OR EXISTS (SELECT 1 FROM orders)) AS empty`,
    );
    if (!empty.rows[0].empty)
      throw new Error('seedLarge needs an empty database (npm run db:seed -- --scale large --reset wipes it first).');
    await client.query(`SET LOCAL synchronous_commit = off`);
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);

    // ---- Generator functions: single SQL expressions that the planner inlines. Two rules keep
    // them inlinable: they are declared STABLE (text concatenation and jsonb_build_object are not
    // immutable), and a parameter used twice must receive a plain column, not an expression —
    // hence the `OFFSET 0` fences below that keep computed values as columns (without them the
    // nested CASEs of the order staging would also be expanded into one huge expression).
    const items = CATEGORIES.flatMap((c) => c.items.map((item) => ({ cat: c, item })));
    const NI = items.length;
    const names = largeNameSql((salt) => `${CS}.r(c, ${salt})`);
    const domains = EMAIL_DOMAINS.flatMap((d, i) => Array<string>(EMAIL_DOMAIN_WEIGHTS[i]).fill(d));
    const fn = (name: string, args: string, returns: string, body: string) =>
      `CREATE FUNCTION ${CS}.${name}(${args}) RETURNS ${returns} LANGUAGE sql STABLE PARALLEL SAFE AS $f$ SELECT ${body} $f$;`;
    await run(
      'generator functions',
      [
        `CREATE SCHEMA ${CS};`,
        // A uniform double in [0, 1) from a row number and a salt.
        fn(
          'r',
          'i bigint, salt bigint',
          'float8',
          `((hashint8extended(i, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0`,
        ),
        fn('ri', 'i bigint, salt bigint, n bigint', 'bigint', `floor(${CS}.r(i, salt) * n)::bigint`),
        // Ids follow the row number, so primary keys are filled in order; the first group says what it is.
        fn(
          'uid',
          'kind int, i bigint',
          'uuid',
          `(lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid`,
        ),
        fn('item', 'p bigint', 'int', `(${CS}.ri(p, 1, ${NI}) + 1)::int`),
        fn(
          'pprice',
          'p bigint',
          'int',
          `((${intArray(items.map((x) => (x.item.price ?? x.cat.price)[0]))})[${CS}.item(p)] + floor(((${intArray(items.map((x) => (x.item.price ?? x.cat.price)[1]))})[${CS}.item(p)] - (${intArray(items.map((x) => (x.item.price ?? x.cat.price)[0]))})[${CS}.item(p)]) * power(${CS}.r(p, 3), 1.8)))::int * 100 - 10`,
        ),
        fn('vprod', 'v bigint', 'bigint', `(v - 1) / ${LARGE_SIZES.variantsPerProduct} + 1`),
        fn(
          'sku',
          'v bigint',
          'text',
          `(${textArray(items.map((x) => x.cat.code))})[${CS}.item(${CS}.vprod(v))] || '-' || lpad(${CS}.vprod(v)::text, 6, '0') || '-' || ((v - 1) % ${LARGE_SIZES.variantsPerProduct} + 1)::text`,
        ),
        fn(
          'nlines',
          'o bigint',
          'int',
          `1 + (${CS}.r(o, 20) < 0.45)::int + (${CS}.r(o, 21) < 0.2)::int + (${CS}.r(o, 22) < 0.08)::int`,
        ),
        // Popular SKUs: a skewed draw over the catalogue.
        fn(
          'line_variant',
          'o bigint, j int',
          'bigint',
          `1 + floor(${nVariants} * power(${CS}.r(o * 8 + j, 23), 2.2))::bigint`,
        ),
        fn(
          'line_qty',
          'o bigint, j int',
          'int',
          `1 + (${CS}.r(o * 8 + j, 24) < 0.12)::int + (${CS}.r(o * 8 + j, 25) < 0.03)::int`,
        ),
        // Thousands of names with a long tail (large-names.ts); the rank is recomputed where it is used
        // (a hash and a power), so that these bodies take the plain column c and stay inlinable.
        fn('first_name', 'c bigint', 'text', names.firstName(names.firstRank)),
        fn('last_name', 'c bigint', 'text', names.lastName(names.lastRank)),
        fn(
          'email',
          'c bigint',
          'text',
          `${names.firstAscii(names.firstRank)} || '.' || ${names.lastAscii(names.lastRank)} || c::text || '@' || (${textArray(domains)})[${CS}.ri(c, 52, ${domains.length}) + 1]`,
        ),
        // 70% have a mobile number; c ↦ c·7919 mod 10⁸ is a bijection, so numbers are unique.
        fn(
          'phone',
          'c bigint',
          'text',
          `CASE WHEN c % 10 < 7 THEN '+33' || (6 + (c % 2))::text || lpad(((c * 7919) % 100000000)::text, 8, '0') END`,
        ),
        fn('city', 'c bigint', 'int', `(${CS}.ri(c, 53, ${CUSTOMER_CITIES.length}) + 1)::int`),
        fn(
          'address',
          'c bigint',
          'jsonb',
          `jsonb_build_object('name', ${CS}.first_name(c) || ' ' || ${CS}.last_name(c), 'line1', (${CS}.ri(c, 54, 180) + 1)::text || ' ' || (${textArray(STREETS)})[${CS}.ri(c, 55, ${STREETS.length}) + 1], 'postalCode', (${textArray(CUSTOMER_CITIES.map((x) => x.postalCode))})[${CS}.city(c)], 'city', (${textArray(CUSTOMER_CITIES.map((x) => x.city))})[${CS}.city(c)], 'country', 'FR')`,
        ),
        // Most customers buy once or twice; a skewed minority buys often.
        fn(
          'skew',
          'o bigint, salt bigint',
          'float8',
          `CASE WHEN ${CS}.r(o, salt) < 0.3 THEN power(${CS}.r(o, salt + 1), 1.3) ELSE ${CS}.r(o, salt + 1) END`,
        ),
      ].join('\n'),
    );

    // ---- Defer constraints and indexes of the bulk tables.
    const t0 = Date.now();
    const list = BULK_TABLES.map((t) => `'${t}'`).join(',');
    const constraints = (
      await client.query<{ table: string; name: string; def: string; type: string }>(`
        SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'u')
          AND conrelid::regclass::text IN (${list})
        ORDER BY conname`)
    ).rows;
    // Foreign keys go first and come back last.
    constraints.sort((a, b) => (a.type === b.type ? 0 : a.type === 'f' ? -1 : 1));
    const indexes = (
      await client.query<{ name: string; def: string }>(`
        SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN (${list})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)
        ORDER BY i.tablename, i.indexname`)
    ).rows;
    for (const c of constraints) await client.query(`ALTER TABLE "${c.table}" DROP CONSTRAINT "${c.name}"`);
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
    log(
      `  ${'drop constraints and indexes'.padEnd(34)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  (${constraints.length} constraints, ${indexes.length} indexes)`,
    );

    // ---- Small tables: locations, channels, staff (same codes and accounts as the demo).
    const openedAt = new Date(now - 3 * 365 * DAY);
    await insertLiteral(
      db,
      s.locations,
      locations.map((l) => ({
        id: uid(1, l.index),
        code: l.code,
        name: l.name,
        names: l.names,
        kind: l.kind,
        city: l.city,
        address: l.address,
        timeZone: 'Europe/Paris',
        pickupEnabled: l.kind === 'store',
        holdDays: l.holdDays,
        createdAt: openedAt,
      })),
    );
    await insertLiteral(
      db,
      s.channels,
      DEMO_CHANNELS.map((c, i) => ({
        id: uid(2, i + 1),
        code: c.code,
        name: c.name,
        names: c.names ?? {},
        kind: c.kind,
        allowSplitShipments: c.allowSplitShipments,
        allowShipToStore: c.allowShipToStore ?? false,
        createdAt: openedAt,
      })),
    );
    // The demo's documented secrets sign and read; the signing ones are encrypted with the configured key.
    await insertLiteral(
      db,
      s.channelCredentials,
      DEMO_CHANNELS.flatMap((c, i) => plainCredentialRows(uid(2, i + 1), c.secret, openedAt)),
    );
    await sealSigningSecrets(db);
    const byCode = new Map(locations.map((l) => [l.code, l]));
    await insertLiteral(
      db,
      s.staffUsers,
      DEMO_USERS.map((u, i) => ({
        id: uid(3, i + 1),
        email: u.email,
        name: u.name,
        passwordHash,
        role: u.role,
        locale: 'fr',
        createdAt: openedAt,
      })),
    );
    await insertLiteral(
      db,
      s.userLocations,
      DEMO_USERS.flatMap((u, i) =>
        u.locations.map((code) => ({ userId: uid(3, i + 1), locationId: uid(1, byCode.get(code)!.index) })),
      ),
    );
    counts.locations = locations.length;
    counts.channels = DEMO_CHANNELS.length;
    counts.staff_users = DEMO_USERS.length;
    // Same demo accounts and password as the demo seed: the sign-in page may list them.
    await insertLiteral(db, s.systemSettings, [demoSeedMarker('large', new Date(now))]);

    // ---- Catalogue.
    const nonColoured = ['Classique', 'Édition limitée', 'Coffret', 'Recharge'];
    await client.query(`
      CREATE TABLE ${CS}.items (idx int PRIMARY KEY, code text, category text, noun text, qualifiers text[], brands text[], sizes text[], colours text[]);
      INSERT INTO ${CS}.items VALUES ${items
        .map(
          (x, i) =>
            `(${i + 1}, ${quote(x.cat.code)}, ${quote(x.cat.category)}, ${quote(x.item.noun)}, ${textArray(x.item.qualifiers)}, ${textArray(x.item.brands ?? x.cat.brands)}, ${textArray((x.item.sizeSets ?? x.cat.sizeSets)[0])}, ${textArray(x.item.coloured === false ? nonColoured : x.cat.colours)})`,
        )
        .join(',\n')};`);
    await run(
      'products',
      `INSERT INTO products (id, name, brand, category, description, created_at)
       SELECT ${CS}.uid(10, p), name, brand, it.category, name || ', par ' || brand || '. ' || it.category || '.', ${nowSql} - interval '400 days' - (${CS}.ri(p, 5, 1000) || ' days')::interval
       FROM generate_series(1::bigint, ${nProducts}) p
       JOIN ${CS}.items it ON it.idx = ${CS}.item(p)
       CROSS JOIN LATERAL (SELECT it.noun || ' ' || (${textArray(MODEL_NAMES)})[${CS}.ri(p, 6, ${MODEL_NAMES.length}) + 1] || ' ' || it.qualifiers[${CS}.ri(p, 7, cardinality(it.qualifiers)) + 1] AS name,
                                  it.brands[${CS}.ri(p, 8, cardinality(it.brands)) + 1] AS brand) x
       ORDER BY p`,
      'products',
    );
    await run(
      'variants',
      `INSERT INTO variants (id, product_id, sku, barcode, title, price_cents, cost_cents, currency, created_at)
       SELECT ${CS}.uid(11, v), ${CS}.uid(10, p), ${CS}.sku(v), b || ${sqlEan13CheckDigit('b')},
              it.colours[((${CS}.ri(p, 9, cardinality(it.colours)) + (k - 1) / cardinality(it.sizes)) % cardinality(it.colours)) + 1]
                || CASE WHEN it.sizes[((k - 1) % cardinality(it.sizes)) + 1] = 'Taille unique' THEN '' ELSE ' / ' || it.sizes[((k - 1) % cardinality(it.sizes)) + 1] END,
              ${CS}.pprice(p), round(${CS}.pprice(p) * (0.35 + 0.2 * ${CS}.r(p, 10)))::int, 'EUR',
              ${nowSql} - interval '400 days'
       FROM generate_series(1::bigint, ${nVariants}) v
       CROSS JOIN LATERAL (SELECT ${CS}.vprod(v) AS p, ((v - 1) % ${LARGE_SIZES.variantsPerProduct} + 1)::int AS k, '3761' || lpad(v::text, 8, '0') AS b) x
       JOIN ${CS}.items it ON it.idx = ${CS}.item(x.p)
       ORDER BY v`,
      'variants',
    );

    // ---- Orders: days weighted like the demo (season, sales, weekday), spread evenly within a day
    // so that order numbers follow time; every attribute is a function of the order number o.
    const days = largeDays(now, nOrders);
    await client.query(`
      CREATE TABLE ${CS}.days (first_o bigint, n int, start_at timestamptz, span_s int);
      INSERT INTO ${CS}.days VALUES ${days.map((d) => `(${d.first}, ${d.n}, '${new Date(d.startAt).toISOString()}', ${d.spanS})`).join(',')};`);
    const storeIndexes = stores.map((l) => l.index);
    const hold = `(${intArray(locations.map((l) => l.holdDays))})[loc]`;
    await run(
      'stage orders',
      `CREATE UNLOGGED TABLE ${CS}.o AS
       SELECT o, ch, ful, loc, cust, placed_at, status, pstate, ready_at, closed_at, cancelled_at,
              greatest(placed_at, coalesce(closed_at, cancelled_at, ready_at, status_at)) AS updated_at,
              nlines, subtotal, items, discount, shipping, subtotal - discount + shipping AS total
       FROM (
         SELECT *,
           CASE ful
             WHEN 'in_store' THEN CASE WHEN ${CS}.r(o, 41) < 0.02 AND age > 20 * 86400 THEN 'returned' ELSE 'completed' END
             WHEN 'ship' THEN CASE
               WHEN ${CS}.r(o, 40) < 0.03 AND age > 3600 THEN 'cancelled'
               WHEN age < 1800 THEN 'placed'
               WHEN age < 43200 THEN 'confirmed'
               WHEN age < 216000 THEN 'shipped'
               WHEN ${CS}.r(o, 41) < 0.03 AND age > 20 * 86400 THEN 'returned'
               ELSE 'completed' END
             ELSE CASE pstate
               WHEN 'placed' THEN 'placed'
               WHEN 'to_pick' THEN 'confirmed'
               WHEN 'ready' THEN 'confirmed'
               WHEN 'collected' THEN CASE WHEN ${CS}.r(o, 41) < 0.02 AND age > 20 * 86400 THEN 'returned' ELSE 'completed' END
               ELSE 'cancelled' END
           END::order_status AS status,
           CASE
             WHEN ful = 'ship' AND ${CS}.r(o, 40) < 0.03 AND age > 3600 THEN placed_at + make_interval(secs => 600 + ${CS}.r(o, 44) * least(age / 2, 72000))
             WHEN pstate = 'cancelled' THEN placed_at + make_interval(secs => 600 + ${CS}.r(o, 44) * least(age / 2, 36000))
             WHEN pstate = 'expired' THEN expire_at
           END AS cancelled_at,
           CASE pstate WHEN 'collected' THEN collect_at WHEN 'expired' THEN expire_at END AS closed_at,
           CASE WHEN pstate IN ('ready', 'collected', 'expired') THEN p_ready_at END AS ready_at,
           placed_at + make_interval(secs => CASE
             WHEN ful = 'in_store' THEN 0
             WHEN age >= 2 * 86400 THEN 2 * 86400
             WHEN age >= 21600 THEN 21600
             WHEN age >= 900 THEN 900 ELSE 0 END) AS status_at
         FROM (
           SELECT *,
             CASE WHEN ful <> 'pickup' THEN NULL
               WHEN ${CS}.r(o, 42) < 0.05 AND age > 3600 THEN 'cancelled'
               WHEN age < 2700 THEN 'placed'
               WHEN now_ts < p_ready_at THEN 'to_pick'
               WHEN ${CS}.r(o, 47) < 0.94 AND collect_at <= now_ts THEN 'collected'
               WHEN ${CS}.r(o, 47) >= 0.94 AND expire_at <= now_ts THEN 'expired'
               ELSE 'ready' END::pickup_state AS pstate
           FROM (
             SELECT *,
               placed_at + make_interval(secs => 2700 + ${CS}.r(o, 45) * 18000) AS p_ready_at,
               placed_at + make_interval(secs => 2700 + ${CS}.r(o, 45) * 18000 + power(${CS}.r(o, 46), 2) * (coalesce(${hold}, 7) * 86400 - 3600)) AS collect_at,
               placed_at + make_interval(secs => 2700 + ${CS}.r(o, 45) * 18000 + coalesce(${hold}, 7) * 86400 + 21600) AS expire_at,
               CASE WHEN ch = 1 AND ful = 'ship' AND ${CS}.r(o, 50) < 0.08 THEN round(subtotal * 0.1)::bigint ELSE 0 END AS discount
             FROM (
               SELECT *,
                 CASE WHEN ful = 'ship' AND ch = 1 THEN CASE WHEN subtotal - CASE WHEN ${CS}.r(o, 50) < 0.08 THEN round(subtotal * 0.1) ELSE 0 END >= 5000 THEN 0 ELSE 490 END
                      WHEN ful = 'ship' AND ch = 5 THEN 590 ELSE 0 END AS shipping
               FROM (
                 SELECT o, ch, ful, placed_at, ${nowSql} AS now_ts, extract(epoch FROM ${nowSql} - placed_at) AS age,
                   CASE WHEN ful = 'ship' THEN NULL ELSE (${intArray(storeIndexes)})[floor(${storeIndexes.length} * power(${CS}.r(o, 35), 1.6))::int + 1] END AS loc,
                   CASE ch
                     WHEN 2 THEN 4 * (1 + floor((${Math.floor(nCustomers / 4)} - 1) * ${CS}.skew(o, 36)))::bigint
                     WHEN 3 THEN 7 * (1 + floor((${Math.floor(nCustomers / 7)} - 1) * ${CS}.skew(o, 36)))::bigint
                     WHEN 4 THEN CASE WHEN ${CS}.r(o, 34) < 0.45 THEN 5 * floor((${Math.floor(nCustomers / 5)} - 1) * ${CS}.skew(o, 36))::bigint + 1 END
                     ELSE 1 + floor((${nCustomers} - 1) * ${CS}.skew(o, 36))::bigint END AS cust,
                   l.nlines, l.subtotal, l.items
                 FROM (
                   SELECT o, ch, placed_at,
                     CASE WHEN ch = 4 THEN 'in_store'
                          WHEN (ch = 1 AND ${CS}.r(o, 32) < 0.18) OR (ch = 5 AND ${CS}.r(o, 32) < 0.2) THEN 'pickup'
                          ELSE 'ship' END::fulfilment_type AS ful
                   FROM (
                     SELECT o, d.start_at + make_interval(secs => d.span_s * ((o - d.first_o) + ${CS}.r(o, 30)) / d.n) AS placed_at,
                       CASE WHEN u < 0.45 THEN 1 WHEN u < 0.57 THEN 2 WHEN u < 0.65 THEN 3 WHEN u < 0.90 THEN 4 ELSE 5 END AS ch
                     FROM ${CS}.days d
                     CROSS JOIN LATERAL generate_series(d.first_o, d.first_o + d.n - 1) o
                     CROSS JOIN LATERAL (SELECT ${CS}.r(o, 31) AS u) x
                     OFFSET 0
                   ) a
                   OFFSET 0
                 ) b
                 CROSS JOIN LATERAL (
                   SELECT max(j)::int AS nlines, sum(q * ${CS}.pprice(p))::bigint AS subtotal, sum(q)::int AS items
                   FROM generate_series(1, ${CS}.nlines(o)) j
                   CROSS JOIN LATERAL (SELECT ${CS}.vprod(${CS}.line_variant(o, j)) AS p, ${CS}.line_qty(o, j) AS q OFFSET 0) x
                 ) l
                 OFFSET 0
               ) c
               OFFSET 0
             ) d
             OFFSET 0
           ) e
           OFFSET 0
         ) f
       ) g`,
    );
    await client.query(`ANALYZE ${CS}.o`);

    await run(
      'orders',
      `INSERT INTO orders (id, number, channel_id, external_id, customer_id, status, fulfilment_type, location_id, fulfilling_location_id, shipping_address,
                           currency, subtotal_cents, discount_cents, shipping_cents, tax_cents, total_cents, item_count,
                           placed_at, cancelled_at, cancel_reason, created_at, updated_at)
       SELECT ${CS}.uid(20, o), 'CMP-' || (100000 + o), ${CS}.uid(2, ch),
              CASE ch WHEN 1 THEN 'WEB-' || (2400000 + o)
                      WHEN 2 THEN '40' || (2 + o % 7) || '-' || lpad(((o * 7919) % 10000000)::text, 7, '0') || '-' || lpad(o::text, 7, '0')
                      WHEN 3 THEN '10' || lpad(o::text, 10, '0')
                      WHEN 4 THEN (${textArray(locations.map((l) => l.code))})[loc] || '-' || lpad(o::text, 8, '0')
                      ELSE 'TEL-' || lpad(o::text, 8, '0') END,
              ${CS}.uid(30, cust), status, ful, ${CS}.uid(1, loc), ${CS}.uid(1, coalesce(loc, ${warehouse.index})),
              CASE WHEN ful = 'ship' THEN ${CS}.address(cust) END,
              'EUR', subtotal, discount, shipping, ${sqlVatIncludedCents('total')}, total, items,
              placed_at, cancelled_at,
              CASE WHEN pstate = 'expired' THEN 'Non retirée dans le délai' WHEN cancelled_at IS NOT NULL THEN 'Annulée à la demande du client' END,
              placed_at, updated_at
       FROM ${CS}.o ORDER BY o`,
      'orders',
    );
    await client.query(`SELECT setval('order_number_seq', ${100000 + nOrders})`);
    await run(
      'order lines',
      `INSERT INTO order_lines (id, order_id, line_no, variant_id, sku, quantity, unit_price_cents, quantity_returned)
       SELECT ${CS}.uid(21, o * 8 + j), ${CS}.uid(20, o), j, ${CS}.uid(11, v), ${CS}.sku(v), q, ${CS}.pprice(${CS}.vprod(v)),
              CASE WHEN status = 'returned' THEN q ELSE 0 END
       FROM ${CS}.o
       CROSS JOIN LATERAL generate_series(1, nlines) j
       CROSS JOIN LATERAL (SELECT ${CS}.line_variant(o, j) AS v, ${CS}.line_qty(o, j) AS q OFFSET 0) x
       ORDER BY o, j`,
      'order_lines',
    );
    await run(
      'order events',
      `INSERT INTO order_events (order_id, type, data, created_at)
       SELECT ${CS}.uid(20, o), e.type, e.data, e.at FROM ${CS}.o
       CROSS JOIN LATERAL (
         SELECT 'placed' AS type, '{}'::jsonb AS data, placed_at AS at
         UNION ALL
         -- Then one event for where the order stands: 'sold' at a till, 'reserved' while
         -- placed, else its latest transition.
         SELECT CASE WHEN ful = 'in_store' THEN 'sold'
                     WHEN coalesce(pstate::text, status::text) = 'placed' THEN 'reserved'
                     WHEN ful = 'ship' AND status = 'completed' THEN 'delivered'
                     ELSE coalesce(pstate::text, status::text) END,
                '{}'::jsonb, greatest(updated_at, placed_at + interval '1 second')
       ) e
       ORDER BY o`,
      'order_events',
    );
    await run(
      'pickups',
      `INSERT INTO pickups (id, order_id, location_id, state, code, placed_at, picking_started_at, picked_at, ready_at, due_by,
                            collected_at, expired_at, cancelled_at, closed_at, updated_at, order_number, search_name)
       SELECT ${CS}.uid(22, o), ${CS}.uid(20, o), ${CS}.uid(1, loc), pstate,
              -- Unique among a store's ready parcels (pickups_ready_code_key): the ready ones are
              -- numbered per store and spread over the code space by a multiplier prime to 10^6.
              CASE WHEN pstate = 'ready'
                     THEN lpad(((row_number() OVER (PARTITION BY loc, pstate = 'ready' ORDER BY o) * 7919) % 1000000)::text, 6, '0')
                   WHEN ready_at IS NOT NULL THEN lpad(${CS}.ri(o, 60, 1000000)::text, 6, '0') END,
              placed_at, ready_at, ready_at, ready_at, ready_at + make_interval(days => ${hold}),
              CASE WHEN pstate = 'collected' THEN closed_at END,
              CASE WHEN pstate = 'expired' THEN closed_at END,
              CASE WHEN pstate = 'cancelled' THEN cancelled_at END,
              CASE WHEN pstate IN ('collected', 'expired') THEN closed_at WHEN pstate = 'cancelled' THEN cancelled_at END,
              updated_at,
              -- The order's number and its customer's folded name (customers.search_name), given here:
              -- the customers come next, so the trigger that would read them (migration 0035) finds none.
              'CMP-' || (100000 + o),
              CASE WHEN cust IS NOT NULL THEN search_fold(${CS}.first_name(cust) || ' ' || ${CS}.last_name(cust)) END
       FROM ${CS}.o WHERE ful = 'pickup' ORDER BY o`,
      'pickups',
    );

    // ---- Customers, with the summary of the orders just generated, and their identities. The
    // vocabulary of their names (migration 0031) is filled in one pass after them, with its insert
    // trigger (migration 0041) off: it would do the same pass, over a copy of every new row that
    // PostgreSQL keeps for it (its transition table).
    await client.query(`ALTER TABLE customers DISABLE TRIGGER customers_name_words_insert`);
    await run(
      'customers',
      `INSERT INTO customers (id, first_name, last_name, email, phone, order_count, lifetime_value_cents, last_order_at, created_at)
       SELECT ${CS}.uid(30, c), ${CS}.first_name(c), ${CS}.last_name(c), ${CS}.email(c), ${CS}.phone(c),
              coalesce(s.n, 0), coalesce(s.ltv, 0), s.last,
              least(${nowSql} - make_interval(days => 30 + ${CS}.ri(c, 56, 1070)::int), s.first - interval '1 day')
       FROM generate_series(1::bigint, ${nCustomers}) c
       LEFT JOIN (
         -- Lifetime value as in rollups.ts; a returned order here has every unit back, so its
         -- refund is what returnedRefundCents gives for its whole subtotal. Its prices include VAT
         -- (tax_cents is the VAT in its total): no tax on top, which taxCents 0 says.
         SELECT cust, count(*)::int AS n,
                coalesce(sum(total - CASE WHEN status = 'returned' THEN ${sqlReturnedRefundCents({ subtotalCents: 'subtotal', discountCents: 'discount', shippingCents: 'shipping', taxCents: '0', totalCents: 'total' }, 'subtotal')} ELSE 0 END) FILTER (WHERE status <> 'cancelled'), 0) AS ltv,
                max(placed_at) AS last, min(placed_at) AS first
         FROM ${CS}.o WHERE cust IS NOT NULL GROUP BY cust
       ) s ON s.cust = c
       ORDER BY c`,
      'customers',
    );
    await run(
      'customer name words',
      `INSERT INTO customer_name_words (word)
       SELECT DISTINCT unnest(search_words(first_name || ' ' || last_name)) FROM customers
       ON CONFLICT (word) DO NOTHING`,
      'customer_name_words',
    );
    await client.query(`ALTER TABLE customers ENABLE TRIGGER customers_name_words_insert`);
    await run(
      'customer identities',
      `INSERT INTO customer_identities (id, customer_id, kind, scope, value, created_at)
       SELECT ${CS}.uid(31, c * 8 + k), ${CS}.uid(30, c), kind::identity_kind, scope, value, ${nowSql} - interval '30 days'
       FROM generate_series(1::bigint, ${nCustomers}) c
       CROSS JOIN LATERAL (VALUES
         (1, 'email', '', ${CS}.email(c)),
         (2, 'phone', '', ${CS}.phone(c)),
         (3, 'loyalty', '', CASE WHEN c % 5 IN (1, 2) THEN 'FID-' || lpad(c::text, 8, '0') END),
         (4, 'buyer_id', 'amazon', CASE WHEN c % 4 = 0 THEN 'A' || upper(to_hex(c * 2654435761 + 1099511627776)) END),
         (5, 'buyer_id', 'zalando', CASE WHEN c % 7 = 0 THEN 'ZC' || lpad(((c * 48271) % 1000000007)::text, 10, '0') END)
       ) i(k, kind, scope, value)
       WHERE value IS NOT NULL
       ORDER BY c, k`,
      'customer_identities',
    );

    // ---- Stock: every SKU at every location; then the open orders' reservations; then the
    // ledger (an opening receipt per row and a movement per reservation).
    await run(
      'inventory levels',
      `INSERT INTO inventory_levels (variant_id, location_id, on_hand, reserved, safety_stock, reorder_point, updated_at)
       SELECT ${CS}.uid(11, v), ${CS}.uid(1, loc),
              CASE WHEN u < CASE WHEN wh THEN 0.04 ELSE 0.10 END THEN 0
                   WHEN u < CASE WHEN wh THEN 0.14 ELSE 0.26 END THEN 1 + ${CS}.ri(i, 72, rp)::int
                   ELSE rp + 1 + ${CS}.ri(i, 73, CASE WHEN wh THEN 80 ELSE 12 END)::int END,
              0,
              CASE WHEN wh THEN 2 + ${CS}.ri(i, 74, 5)::int ELSE (${CS}.r(i, 74) < 0.7)::int END,
              rp, ${nowSql} - interval '380 days'
       FROM generate_series(1::bigint, ${nVariants}) v
       CROSS JOIN generate_series(1, ${locations.length}) loc
       CROSS JOIN LATERAL (SELECT v * 64 + loc AS i, loc = ${warehouse.index} AS wh) a
       CROSS JOIN LATERAL (SELECT ${CS}.r(i, 70) AS u, CASE WHEN wh THEN 10 + ${CS}.ri(i, 71, 21)::int ELSE 2 + ${CS}.ri(i, 71, 3)::int END AS rp) b
       ORDER BY v, loc`,
      'inventory_levels',
    );
    await run(
      'reservations (open orders)',
      `INSERT INTO reservations (id, order_id, order_line_id, variant_id, location_id, quantity, status, created_at)
       SELECT ${CS}.uid(23, o * 8 + j), ${CS}.uid(20, o), ${CS}.uid(21, o * 8 + j), ${CS}.uid(11, ${CS}.line_variant(o, j)),
              ${CS}.uid(1, coalesce(loc, ${warehouse.index})), ${CS}.line_qty(o, j), 'active', placed_at + interval '1 second'
       FROM ${CS}.o CROSS JOIN LATERAL generate_series(1, nlines) j
       WHERE (ful = 'ship' AND status IN ('placed', 'confirmed')) OR pstate IN ('placed', 'to_pick', 'ready')
       ORDER BY o, j`,
      'reservations',
    );
    await run(
      'reserve stock',
      `UPDATE inventory_levels l SET reserved = r.q, on_hand = greatest(l.on_hand, r.q), updated_at = r.at
       FROM (SELECT variant_id, location_id, sum(quantity)::int AS q, max(created_at) AS at FROM reservations GROUP BY 1, 2) r
       WHERE l.variant_id = r.variant_id AND l.location_id = r.location_id`,
    );
    await run(
      'ledger: opening receipts',
      `INSERT INTO inventory_movements (variant_id, location_id, delta_on_hand, delta_reserved, reason, reference_type, created_at)
       SELECT variant_id, location_id, on_hand, 0, 'receipt', 'seed', ${nowSql} - interval '380 days'
       FROM inventory_levels WHERE on_hand > 0`,
      'inventory_movements',
    );
    await run(
      'ledger: reservations',
      `INSERT INTO inventory_movements (variant_id, location_id, delta_on_hand, delta_reserved, reason, reference_type, reference_id, created_at)
       SELECT variant_id, location_id, 0, quantity, 'reservation', 'order', order_id::text, created_at FROM reservations ORDER BY created_at`,
      'inventory_movements',
    );

    await run('kpi rollups', KPI_DAILY_FROM_ORDERS_SQL, 'kpi_daily');
    await client.query(`DROP SCHEMA ${CS} CASCADE`);

    // ---- Indexes and constraints back, built once over the loaded tables.
    const t1 = Date.now();
    for (const ix of indexes) {
      const t = Date.now();
      await client.query(ix.def);
      log(`    index ${ix.name.padEnd(38)} ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s`);
    }
    for (const c of [...constraints].reverse()) {
      const t = Date.now();
      await client.query(`ALTER TABLE "${c.table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
      log(`    constraint ${c.name.padEnd(33)} ${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s`);
    }
    log(`  ${'rebuild indexes and constraints'.padEnd(34)} ${((Date.now() - t1) / 1000).toFixed(1).padStart(6)} s`);

    const t2 = Date.now();
    await client.query('COMMIT');
    log(`  ${'commit'.padEnd(34)} ${((Date.now() - t2) / 1000).toFixed(1).padStart(6)} s`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  log(`  ${'large seed total'.padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  return counts;
}

/** The same deterministic ids in TypeScript, for the rows inserted from here. */
function uid(kind: number, i: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

type LargeDay = { first: number; n: number; startAt: number; spanS: number };

/**
 * Splits `total` orders over the last 365 Paris days by the demo's seasonality (channel mix
 * weighted), trading from 07:00 to 23:00; today only up to now.
 */
function largeDays(now: number, total: number): LargeDay[] {
  const raw: { startAt: number; spanS: number; w: number }[] = [];
  for (let back = 364; back >= 0; back--) {
    const d = parisDayBefore(now, back);
    const startAt = parisToUtc(d.year, d.month, d.day, 7);
    const spanS = Math.min(16 * 3600, Math.floor((now - 60_000 - startAt) / 1000));
    if (spanS <= 0) continue;
    let w = 0;
    for (const c of DEMO_CHANNELS) w += c.share * dayFactor(d, kindOf(c.code));
    w *= (0.85 + 0.3 * (1 - back / 365)) * (spanS / (16 * 3600));
    raw.push({ startAt, spanS, w });
  }
  const sum = raw.reduce((a, d) => a + d.w, 0);
  // Largest remainder, so the days add up to exactly `total`.
  const exact = raw.map((d) => (total * d.w) / sum);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; missing > 0; k++, missing--) counts[order[k % order.length][1]]++;
  const out: LargeDay[] = [];
  let first = 1;
  raw.forEach((d, i) => {
    if (counts[i] === 0) return;
    out.push({ first, n: counts[i], startAt: d.startAt, spanS: d.spanS });
    first += counts[i];
  });
  return out;
}
