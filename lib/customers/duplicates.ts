import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { customerDuplicates, systemSettings } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError, Forbidden, NotFound } from '@/lib/errors';
import { readSetting } from '@/lib/system/settings';
import { cursorTimeOf, encodeRankedCursor, rankedBelow, type RankedCursor } from '@/lib/http/cursor';
import type { DuplicateReason } from './duplicate-rules';
import {
  maybeSimilarNamesSql,
  NAME_BLOCK_PREFIX,
  NAME_BLOCKS,
  NAME_SIMILARITY,
  nameCityWeightSql,
  recordDuplicatesSql,
  similarNamesSql,
  trigramBitmapSql,
} from './duplicate-rules';
import { ZDismissDuplicateInput, type DismissDuplicateInput } from './schemas';

/**
 * A customer's contacts: their profile's e-mail and phone and their identities' (not merged profiles);
 * a value can come twice for one customer (her profile's e-mail is an identity too).
 */
const CONTACTS_ALL = sql`
  select id as customer_id, 'email' as kind, email as value from customers where email is not null and merged_into_id is null
  union all select id, 'phone', phone from customers where phone is not null and merged_into_id is null
  union all select c.id, i.kind::text, i.value from customer_identities i join customers c on c.id = i.customer_id
    where i.kind in ('email', 'phone') and c.merged_into_id is null`;

/** A shipping address as the name rule compares it: its folded city, and its street and postcode. */
function foldedAddress(address: SQL): { city: SQL; address: SQL } {
  return {
    city: sql`search_fold(${address} ->> 'city')`,
    address: sql`search_fold(${address} ->> 'line1') || '|' || coalesce(${address} ->> 'postalCode', '')`,
  };
}

/** Where a customer's latest shipped order went: its folded city and address (street and postcode). */
function lastAddress(customer: SQL): SQL {
  const folded = foldedAddress(sql`lo.shipping_address`);
  return sql`(select ${folded.city} as city, ${folded.address} as address
    from orders lo where lo.customer_id = ${customer} and lo.shipping_address is not null
    order by lo.placed_at desc limit 1)`;
}

/** Pairs found by name: a similar name at the same address, or in the same city. */
function nameReason(a: string, b: string): SQL {
  return sql`case when ${sql.raw(a)}.address = ${sql.raw(b)}.address then 'name_address' else 'name_city' end`;
}

export type ScanResult = { pairs: number };

/** Memory for the full scan's hashes and sorts (a session's default, 4MB, spills them to disk). */
const SCAN_WORK_MEM = '256MB';

/**
 * Finds likely duplicates among every customer, set-based (the full scan: the demo seed's, and a
 * job's when the rules change): the same normalized e-mail or phone (profile or identity), or a
 * similar name (similarNamesSql, the rule the incremental scan applies too) at the same address
 * or in the same city of their latest shipped order. Pairs are recorded by recordDuplicatesSql:
 * new ones open, open ones gain reasons, dismissed ones stay dismissed.
 *
 * Built to cost a few passes over the tables, whatever their size, in steps kept in temporary
 * tables (analyzed, so that every join is planned on true sizes), dropped at the end:
 * - dup_addressed: every live customer with the folded city and address of their latest shipped
 *   order (one pass over the orders, not one index probe per customer);
 * - dup_names: the distinct (city, first name, last name) there are, with how many customers hold
 *   each — homonyms in a city are compared once, not pairwise — and each name's trigram count and
 *   bitmap (trigramBitmapSql, OR-ed from its words');
 * - dup_similar: pairs of names within each block of NAME_BLOCKS (an equi-join, hashable), each
 *   unordered pair once, tested first by maybeSimilarNamesSql (bit operations: it lets ~5 % of the
 *   ~25M pairs of a million customers through) and then by the rule itself;
 * - the customers joined back to the similar names, and the shared contacts (a hash join on
 *   (kind, value)), recorded with one insert.
 */
export async function scanAllDuplicates(db: DbOrTx): Promise<ScanResult> {
  const latest = foldedAddress(sql`l.shipping_address`);
  const n = sql.raw(String(NAME_BLOCK_PREFIX));
  // A block's key as columns of dup_names (b0_prefix, b0_initial…): analyzed, so that the planner
  // sees the ~25M pairs the blocks make and hashes them.
  const keys = sql.join(
    NAME_BLOCKS.map(
      (block, k) =>
        sql`left(g.${sql.raw(block.prefix)}, ${n}) as ${sql.raw(`b${k}_prefix`)}, left(g.${sql.raw(block.initial)}, 1) as ${sql.raw(`b${k}_initial`)}`,
    ),
    sql`, `,
  );
  const blockPairs = (k: number) => {
    const [p, i] = [sql.raw(`b${k}_prefix`), sql.raw(`b${k}_initial`)];
    // CASE: the bitmaps first, similarity() only for the few pairs they let through (the planner
    // would order the two by its own idea of their costs).
    return sql`select a.name_id as a, b.name_id as b, greatest(a.holders, b.holders) as holders
      from dup_names a join dup_names b on b.city = a.city and b.${p} = a.${p} and b.${i} = a.${i} and b.name_id > a.name_id
      where case when ${maybeSimilarNamesSql('a', 'b')} then ${similarNamesSql('a', 'b')} else false end`;
  };
  const steps = [
    sql`create temp table dup_addressed on commit drop as
      with latest as (
        select distinct on (o.customer_id) o.customer_id, o.shipping_address
        from orders o where o.customer_id is not null and o.shipping_address is not null
        order by o.customer_id, o.placed_at desc)
      select c.id, c.search_name, search_fold(c.first_name) as first_fold, search_fold(c.last_name) as last_fold,
        ${latest.city} as city, ${latest.address} as address
      from customers c join latest l on l.customer_id = c.id
      where c.merged_into_id is null and length(c.search_name) > 2`,
    sql`create temp table dup_words on commit drop as
      select w.word, ${trigramBitmapSql(sql`w.word`)} as bitmap
      from (select first_fold as word from dup_addressed union select last_fold from dup_addressed) w`,
    // Each name's holders (ids and addresses, in the same order), then the names compared (narrow rows).
    sql`create temp table dup_holders on commit drop as
      select row_number() over ()::int as name_id, city, first_fold, last_fold, search_name, count(*)::int as holders,
        array_agg(id) as ids, array_agg(address) as addresses
      from dup_addressed group by city, first_fold, last_fold, search_name`,
    sql`create temp table dup_names on commit drop as
      select n.*, n.trigrams - bit_count(n.bitmap) as collisions
      from (select g.name_id, g.city, g.first_fold, g.last_fold, g.search_name, g.holders, ${keys},
          cardinality(show_trgm(g.search_name)) as trigrams, f.bitmap | l.bitmap as bitmap
        from dup_holders g join dup_words f on f.word = g.first_fold join dup_words l on l.word = g.last_fold) n`,
    sql`analyze dup_names`,
    sql`create temp table dup_similar on commit drop as
      ${sql.join(
        NAME_BLOCKS.map((_, k) => blockPairs(k)),
        sql` union `,
      )}
      union select n.name_id, n.name_id, n.holders from dup_names n where n.holders > 1 and ${similarNamesSql('n', 'n')}`,
    sql`analyze dup_similar`,
    sql`analyze dup_holders`,
    sql`create temp table dup_found on commit drop as
      select least(a.id, b.id) as a, greatest(a.id, b.id) as b, ${nameReason('a', 'b')} as reason,
        ${nameCityWeightSql(sql`s.holders`)} as name_city
      from dup_similar s join dup_holders x on x.name_id = s.a join dup_holders y on y.name_id = s.b
        cross join lateral unnest(x.ids, x.addresses) a(id, address)
        cross join lateral unnest(y.ids, y.addresses) b(id, address)
      where s.a <> s.b or a.id < b.id`,
    sql`create temp table dup_contacts on commit drop as ${CONTACTS_ALL}`,
    sql`analyze dup_contacts`,
    sql`insert into dup_found
      select distinct a.customer_id, b.customer_id, a.kind, null::int
      from dup_contacts a join dup_contacts b on a.kind = b.kind and a.value = b.value and a.customer_id < b.customer_id`,
  ];
  const temp = [
    'dup_addressed',
    'dup_words',
    'dup_holders',
    'dup_names',
    'dup_similar',
    'dup_found',
    'dup_contacts',
  ].map((t) => `pg_temp.${t}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', ${SCAN_WORK_MEM}, true)`);
    await tx.execute(sql.raw(`drop table if exists ${temp.join(', ')}`));
    for (const step of steps) await tx.execute(step);
    // In the order of the pair's key: the unique index and the customers' rows are visited in turn.
    const { rows } = await tx.execute<{ n: number }>(sql`
      with recorded as (${recordDuplicatesSql(
        sql`select a, b, array_agg(distinct reason order by reason), min(name_city) from dup_found group by a, b order by a, b`,
        { weighted: true },
      )} returning 1)
      select count(*)::int as n from recorded`);
    await tx.execute(sql.raw(`drop table ${temp.join(', ')}`));
    return { pairs: rows[0].n };
  });
}

/**
 * The same rules for a few customers (those whose orders just arrived): each against every other
 * customer, through the indexes (identities' unique key, the profile's phone, the folded name's
 * trigram index, its threshold raised to NAME_SIMILARITY so that it hands over only similar
 * names), so it costs per customer scanned, not per customer known.
 */
export async function scanDuplicatesOf(db: DbOrTx, customerIds: readonly string[]): Promise<ScanResult> {
  if (customerIds.length === 0) return { pairs: 0 };
  const ids = sql.join(
    customerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const statement = sql`
    with t as (
      select c.id, c.search_name, search_fold(c.first_name) as first_fold, search_fold(c.last_name) as last_fold
      from customers c where c.id in (${ids}) and c.merged_into_id is null),
    t_contacts as (
      select id as customer_id, 'email' as kind, email as value from customers where id in (select id from t) and email is not null
      union select id, 'phone', phone from customers where id in (select id from t) and phone is not null
      union select customer_id, kind::text, value from customer_identities
        where customer_id in (select id from t) and kind in ('email', 'phone')),
    contact_pairs as (
      select tc.customer_id as a, o.id as b, tc.kind as reason
      from t_contacts tc join customers o on (tc.kind = 'email' and o.email = tc.value) or (tc.kind = 'phone' and o.phone = tc.value)
      where o.merged_into_id is null
      union
      select tc.customer_id, c.id, tc.kind
      from t_contacts tc join customer_identities i on i.kind::text = tc.kind and i.scope = '' and i.value = tc.value
        join customers c on c.id = i.customer_id
      where c.merged_into_id is null),
    t_addressed as (select t.*, a.city, a.address from t, lateral ${lastAddress(sql`t.id`)} a),
    candidates as (
      -- The same expression as customers_search_name_trgm_idx (migration 0018), so the index serves %.
      select a.id as a, a.city, a.address, o.id as b, a.search_name as a_name, n.search_name as b_name
      from t_addressed a
        join customers o on search_fold(o.first_name || ' ' || o.last_name) % a.search_name and o.merged_into_id is null
        cross join lateral (select search_fold(o.first_name) as first_fold, search_fold(o.last_name) as last_fold,
          o.search_name) n
      where ${similarNamesSql('a', 'n')}),
    in_city as (
      select s.a, s.b, s.a_name, s.b_name, ${nameReason('s', 'b')} as reason
      from candidates s cross join lateral ${lastAddress(sql`s.b`)} b
      where b.city = s.city and s.b <> s.a),
    -- How many of the city hold each name (the customer scanned, and the similar names found there):
    -- what the full scan counts per city and name.
    name_pairs as (
      select a, b, reason, ${nameCityWeightSql(sql`greatest(
          count(*) filter (where b_name = a_name) over (partition by a) + 1,
          count(*) over (partition by a, b_name) + (b_name = a_name)::int)`)} as name_city
      from in_city),
    found as (
      select a, b, reason, null::int as name_city from contact_pairs where a <> b
      union select a, b, reason, name_city from name_pairs where a <> b),
    recorded as (${recordDuplicatesSql(
      sql`select least(a, b), greatest(a, b), array_agg(distinct reason order by reason), min(name_city) from found group by least(a, b), greatest(a, b)`,
      { weighted: true },
    )} returning 1)
    select count(*)::int as n from recorded`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY)}, true)`);
    const { rows } = await tx.execute<{ n: number }>(statement);
    return { pairs: rows[0].n };
  });
}

/** The system_settings key of the background scan's cursor: the last order it took, { createdAt, id }. */
export const DUPLICATE_SCAN_CURSOR_KEY = 'customers_duplicates_cursor';

/**
 * Orders one batch of the background scan takes at most, scanned in one statement while the cursor
 * row stays locked. Scanning costs 15–50 ms a customer against a million (npm run bench:
 * customers.duplicates, the job's figure), but ~160 ms for a name with thousands of look-alikes
 * (the bench's ingestion customers, "Bench N0" to "Bench N4999" at one address): a batch of 50 of
 * those was one 8 s statement, and a run only stops between batches. Ten keep a batch under two
 * seconds even then, so a run stays near its budget.
 */
export const DUPLICATE_SCAN_BATCH = 10;

/**
 * How old an order must be before the scan takes it: created_at is its transaction's start, and a
 * transaction that started earlier may commit after a later one; ingestion transactions last
 * milliseconds, so this is ample, and it assumes the app's and the database's clocks agree within it.
 */
export const DUPLICATE_SCAN_LAG_SECONDS = 30;

/** Where the scan starts without a cursor (a new install, or the upgrade from the 15-minute window). */
export const DUPLICATE_SCAN_START_MINUTES = 15;

/**
 * A run starts no new batch after this long; the rest waits for the next minute's run. Suggestions
 * for agents can wait, orders cannot: the scan runs on the database that takes the orders, and in
 * npm run bench -- orders.ingest (2 cores, the job catching up on the bench's look-alike customers)
 * runs of 10 s a minute left the ingestion 319 orders/s flat out, against 531 with JOBS=off. With three
 * seconds (and the batch under way when they run out), a run keeps one core at most ~5 s a minute
 * and takes 100–200 orders: far above a retailer's usual rate, and a peak is caught up after it.
 */
export const DUPLICATE_SCAN_BUDGET_MS = 3_000;

/**
 * Ingestion this busy makes the scan wait: at least DUPLICATE_SCAN_BUSY_ORDERS orders created in the
 * last DUPLICATE_SCAN_BUSY_SECONDS (5 a second). Suggestions for agents can wait, orders cannot: a
 * run that finds ingestion this busy takes nothing, one under way stops before its next batch, and
 * the orders are scanned once the rate drops (a flash sale's after it, a retailer's busiest hours in
 * the quiet ones). In npm run bench -- orders.ingest, runs catching up on the bench's look-alike
 * customers took 3–8 s of one of the two cores a minute: the ingestion made 197–318 orders/s flat
 * out, 340–378 with JOBS=off.
 */
export const DUPLICATE_SCAN_BUSY_SECONDS = 10;
export const DUPLICATE_SCAN_BUSY_ORDERS = 50;

/** Whether ingestion is busier than DUPLICATE_SCAN_BUSY_ORDERS in DUPLICATE_SCAN_BUSY_SECONDS before `now` (orders_created_brin_idx serves the range). */
async function ingestionBusy(db: Db, now: Date): Promise<boolean> {
  const until = sql`${now.toISOString()}::timestamptz`;
  const { rows } = await db.execute<{ busy: boolean }>(
    sql`select count(*) >= ${DUPLICATE_SCAN_BUSY_ORDERS} as busy from (
      select 1 from orders
      where created_at > ${until} - make_interval(secs => ${DUPLICATE_SCAN_BUSY_SECONDS}) and created_at <= ${until}
      limit ${DUPLICATE_SCAN_BUSY_ORDERS}) recent`,
  );
  return rows[0].busy;
}

export type RecentScanResult = ScanResult & { orders: number; customers: number; batches: number };

/** The background scan's place: the last order it took, by (created_at, id); microseconds kept (PostgreSQL's text). */
export type DuplicateScanCursor = { createdAt: string; id: string };

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A cursor before every order created from `at` on. */
export function duplicateScanCursorAt(at: Date): DuplicateScanCursor {
  return { createdAt: at.toISOString(), id: NIL_UUID };
}

/** Where the background scan stands (null: it has not run yet, and will start DUPLICATE_SCAN_START_MINUTES back). */
export function readDuplicateScanCursor(db: DbOrTx): Promise<DuplicateScanCursor | null> {
  return readSetting<DuplicateScanCursor>(db, DUPLICATE_SCAN_CURSOR_KEY);
}

/** Moves the background scan (null forgets its place), for an operator's script or the bench. */
export async function setDuplicateScanCursor(db: DbOrTx, cursor: DuplicateScanCursor | null): Promise<void> {
  if (!cursor) {
    await db.delete(systemSettings).where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY));
    return;
  }
  await db
    .insert(systemSettings)
    .values({ key: DUPLICATE_SCAN_CURSOR_KEY, value: cursor })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: cursor, updatedAt: sql`now()` } });
}

/**
 * One batch of the background scan, in one transaction: the cursor row is locked (a run that finds
 * it locked by another one takes nothing), up to DUPLICATE_SCAN_BATCH orders after it in ingestion
 * order (the keyset created_at, id; created_at >= the cursor's too, the range orders_created_brin_idx
 * serves) and at least DUPLICATE_SCAN_LAG_SECONDS old are taken, their distinct customers scanned
 * (scanDuplicatesOf) and the cursor moved to the last of them. A crash rolls the cursor back with the
 * pairs: the batch is done again, and recording a pair is an upsert.
 */
async function scanNextBatch(db: Db, now: Date): Promise<RecentScanResult> {
  const initial = duplicateScanCursorAt(new Date(now.getTime() - DUPLICATE_SCAN_START_MINUTES * 60_000));
  return db.transaction(async (tx) => {
    await tx.insert(systemSettings).values({ key: DUPLICATE_SCAN_CURSOR_KEY, value: initial }).onConflictDoNothing();
    const [held] = await tx
      .select({ value: systemSettings.value })
      .from(systemSettings)
      .where(eq(systemSettings.key, DUPLICATE_SCAN_CURSOR_KEY))
      .for('update', { skipLocked: true });
    if (!held) return { pairs: 0, orders: 0, customers: 0, batches: 0 };
    const cursor = held.value as DuplicateScanCursor;
    const after = sql`${cursor.createdAt}::timestamptz`;
    const { rows: taken } = await tx.execute<{ customerId: string | null; cursor: DuplicateScanCursor }>(
      sql`select customer_id as "customerId", jsonb_build_object('createdAt', created_at, 'id', id) as cursor
        from orders
        where created_at >= ${after} and (created_at, id) > (${after}, ${cursor.id}::uuid)
          and created_at <= ${now.toISOString()}::timestamptz - make_interval(secs => ${DUPLICATE_SCAN_LAG_SECONDS})
        order by created_at, id limit ${DUPLICATE_SCAN_BATCH}`,
    );
    if (taken.length === 0) return { pairs: 0, orders: 0, customers: 0, batches: 0 };
    const customers = [...new Set(taken.flatMap((o) => (o.customerId ? [o.customerId] : [])))];
    const { pairs } = await scanDuplicatesOf(tx, customers);
    await setDuplicateScanCursor(tx, taken.at(-1)!.cursor);
    return { pairs, orders: taken.length, customers: customers.length, batches: 1 };
  });
}

/**
 * The background job's body (lib/jobs/definitions.ts, every minute): the customers of the orders
 * ingested since its last run, scanned against everyone (scanDuplicatesOf), each order once, in
 * ingestion order whatever its placed_at (a marketplace's late order is scanned like any other).
 * Batches of DUPLICATE_SCAN_BATCH orders (scanNextBatch), until the orders old enough are taken or
 * DUPLICATE_SCAN_BUDGET_MS have gone by: after days off (or a burst of ingestion) the job catches
 * up batch by batch over several runs rather than in one unbounded statement. While ingestion is
 * busy (ingestionBusy, checked before each batch) it takes nothing. Safe to run at once
 * on two instances: one takes the batch, the other nothing. An identity shared at ingestion is
 * recorded by the order's own statement; this finds the similar names. Returns the pairs recorded,
 * the orders and customers taken.
 */
export async function scanRecentDuplicates(db: Db, opts: { now: Date; budgetMs?: number }): Promise<RecentScanResult> {
  const budgetMs = opts.budgetMs ?? DUPLICATE_SCAN_BUDGET_MS;
  const total: RecentScanResult = { pairs: 0, orders: 0, customers: 0, batches: 0 };
  const started = performance.now();
  do {
    // The run's clock moves on with it, so a burst that starts during a run stops it too.
    const clock = new Date(opts.now.getTime() + (performance.now() - started));
    if (await ingestionBusy(db, clock)) break;
    const batch = await scanNextBatch(db, opts.now);
    total.pairs += batch.pairs;
    total.orders += batch.orders;
    total.customers += batch.customers;
    total.batches += batch.batches;
    if (batch.orders < DUPLICATE_SCAN_BATCH) break;
  } while (performance.now() - started < budgetMs);
  return total;
}

export type DuplicateSide = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  city: string | null;
  orderCount: number;
  lifetimeValueCents: number;
  lastOrderAt: string | null;
  createdAt: string;
  identities: { kind: string; scope: string; value: string }[];
};

export type DuplicateSuggestion = {
  id: string;
  score: number;
  reasons: DuplicateReason[];
  status: 'open' | 'dismissed' | 'merged';
  createdAt: string;
  a: DuplicateSide;
  b: DuplicateSide;
};

function side(alias: string): SQL {
  const c = sql.raw(alias);
  return sql`json_build_object('id', ${c}.id, 'firstName', ${c}.first_name, 'lastName', ${c}.last_name, 'email', ${c}.email,
    'phone', ${c}.phone, 'locale', ${c}.locale, 'orderCount', ${c}.order_count, 'lifetimeValueCents', ${c}.lifetime_value_cents,
    'lastOrderAt', ${c}.last_order_at, 'createdAt', ${c}.created_at,
    'city', (select o.shipping_address ->> 'city' from orders o where o.customer_id = ${c}.id and o.shipping_address is not null
      order by o.placed_at desc limit 1),
    'identities', (select coalesce(json_agg(json_build_object('kind', i.kind, 'scope', i.scope, 'value', i.value)
      order by i.kind, i.value), '[]') from customer_identities i where i.customer_id = ${c}.id))`;
}

/** The suggestions with both sides, and `extra` columns. */
const SUGGESTION = (extra = sql``) =>
  sql`select d.id, d.score, d.reasons, d.status, d.created_at as "createdAt", ${side('a')} as a, ${side('b')} as b ${extra}
  from customer_duplicates d join customers a on a.id = d.customer_id join customers b on b.id = d.other_customer_id`;

function requireView(actor: Actor) {
  if (!can(actor, 'customers.merge')) throw new Forbidden('Only an agent or an owner can see duplicates.');
}

export const DUPLICATES_PAGE_SIZE = 50;

/**
 * One page of the open suggestions between two live profiles, highest score first, then newest
 * (customers.merge), by keyset: `next` is the cursor of the following page (null on the last),
 * `total` how many are open (the open ones are few: the partial index customer_duplicates_open_idx).
 */
export async function listDuplicates(
  db: Db,
  actor: Actor,
  opts: { limit?: number; after?: RankedCursor | null } = {},
): Promise<{ items: DuplicateSuggestion[]; total: number; next: string | null }> {
  requireView(actor);
  const limit = Math.min(Math.max(opts.limit ?? DUPLICATES_PAGE_SIZE, 1), 200);
  const live = sql`d.status = 'open' and a.merged_into_id is null and b.merged_into_id is null`;
  const after = opts.after ? sql`and ${rankedBelow(sql`d.score`, sql`d.created_at`, sql`d.id`, opts.after)}` : sql``;
  const { rows } = await db.execute<DuplicateSuggestion & { cursorTime: string }>(
    sql`${SUGGESTION(sql`, ${cursorTimeOf(sql`d.created_at`)} as "cursorTime"`)} where ${live} ${after}
      order by d.score desc, d.created_at desc, d.id desc limit ${limit + 1}`,
  );
  const { rows: count } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from customer_duplicates d join customers a on a.id = d.customer_id
      join customers b on b.id = d.other_customer_id where ${live}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorTime: _, ...item }) => item),
    total: count[0].n,
    next:
      rows.length > limit && last
        ? encodeRankedCursor({ rank: last.score, cursorTime: last.cursorTime, id: last.id })
        : null,
  };
}

/** One suggestion with both profiles side by side (customers.merge); null when unknown. */
export async function getDuplicate(db: Db, actor: Actor, id: string): Promise<DuplicateSuggestion | null> {
  requireView(actor);
  const { rows } = await db.execute<DuplicateSuggestion>(sql`${SUGGESTION()} where d.id = ${id}::uuid`);
  return rows[0] ?? null;
}

/**
 * Dismisses a suggestion for good (customers.merge): neither ingestion nor a scan reopens it.
 * Audited. A suggestion merged already cannot be dismissed.
 */
export async function dismissDuplicate(db: Db, actor: Actor, raw: DismissDuplicateInput): Promise<{ id: string }> {
  requireView(actor);
  const { duplicateId } = ZDismissDuplicateInput.parse(raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(customerDuplicates)
      .where(eq(customerDuplicates.id, duplicateId))
      .for('update');
    if (!row) throw new NotFound('Suggestion');
    if (row.status === 'dismissed') return { id: row.id };
    if (row.status === 'merged')
      throw new DomainError('conflict', 'These customers were merged; undo the merge instead.');
    await tx
      .update(customerDuplicates)
      .set({ status: 'dismissed', decidedById: actor.userId, decidedAt: sql`now()` })
      .where(and(eq(customerDuplicates.id, row.id)));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: 'customer.duplicate_dismiss',
      entityType: 'customer',
      entityId: row.customerId,
      data: { duplicateId: row.id, otherCustomerId: row.otherCustomerId, reasons: row.reasons, score: row.score },
    });
    return { id: row.id };
  });
}
