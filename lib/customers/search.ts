import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';
import { normalizeEmail, normalizePhone } from './normalize';
import { CUSTOMER_SEARCH_MAX_LIMIT } from './schemas';

/** Why a customer is in the results: exact identities rank first, then partial e-mails, then names. */
export type CustomerSearchReason =
  | { kind: 'email' | 'phone' | 'name' | 'email_partial' }
  | { kind: 'order'; number: string }
  | { kind: 'external_order'; channel: string; externalId: string }
  | { kind: 'buyer_id' | 'loyalty'; value: string };

export type CustomerSearchResult = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** City of the latest order with a shipping address. */
  city: string | null;
  lastOrder: { number: string; placedAt: Date } | null;
  /** Channels the customer ordered from, by the name shown in the locale. */
  channels: string[];
  /** True for an exact identity match (e-mail, phone, order, external id, buyer or loyalty id). */
  exact: boolean;
  reason: CustomerSearchReason;
};

/** A result as the search route sends it (JSON: the last order's time as an ISO string, the phone as people read it). */
export type CustomerSearchHit = Omit<CustomerSearchResult, 'lastOrder'> & {
  lastOrder: { number: string; placedAt: string } | null;
};

export type CustomerSearchOptions = {
  limit?: number;
  locale?: Locale;
  /** A manager's reach: only customers with an order fulfilled at one of these locations. Undefined: everyone. */
  locationIds?: readonly string[];
};

export { CUSTOMER_SEARCH_MAX_LIMIT };
/** Trigram matching needs three characters; shorter inputs only match exact identities. */
const FUZZY_MIN_LENGTH = 3;
/** Words of a name query that must each resemble the name (more are ranked, not required). */
const MAX_NAME_WORDS = 4;
/** How many words of the vocabulary each typed word stands for: its nearest by trigram similarity. */
const VOCABULARY_MATCHES = 20;
/** The word being typed also stands for the words it begins, from this many letters. */
const PREFIX_MIN_LENGTH = 3;
/** At most this many words begun by the word being typed. */
const PREFIX_MATCHES = 100;
/**
 * How many of the many matches of a fuzzy branch (partial e-mail, name) per result asked for are
 * resolved and ranked: a few more than asked, as merged profiles fold into their survivor.
 */
const FENCED_HITS_PER_RESULT = 4;
/** word_similarity threshold for names: low enough that one swapped pair of letters ("Dubios") still matches. */
const NAME_THRESHOLD = 0.3;

/** 'CMP-100123', 'cmp100123', '100123' → 'CMP-100123'. */
export function orderNumberFrom(q: string): string | null {
  const m = /^(?:cmp[-\s]?)?(\d{6,})$/i.exec(q);
  return m ? `CMP-${m[1]}` : null;
}

/** A phone typed in any format ('06 12 34 56 78', '+33 6 12…', '0033…') → E.164, or null. */
export function phoneFrom(q: string): string | null {
  if (!/^[+\d][\d\s().\-/]*$/.test(q) || q.replace(/\D/g, '').length < 6) return null;
  return normalizePhone(q.replace(/^00/, '+'));
}

/**
 * Finds customers from any scrap: an e-mail or part of it, a phone in any format, an order number,
 * a channel's external order id, a marketplace buyer id or loyalty id, a name (accent-insensitive,
 * typo-tolerant). Ranked: exact identities first, then partial e-mails, then names by similarity;
 * merged profiles are shown as their survivor. Reads the tables directly: no indexing delay.
 */
export async function searchCustomers(
  db: DbOrTx,
  query: string,
  options: CustomerSearchOptions = {},
): Promise<CustomerSearchResult[]> {
  const q = query.trim().replace(/\s+/g, ' ');
  if (!q) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), CUSTOMER_SEARCH_MAX_LIMIT);
  const fuzzy = q.length >= FUZZY_MIN_LENGTH;
  const email = q.includes('@') ? normalizeEmail(q) : null;
  const phone = phoneFrom(q);
  const orderNumber = orderNumberFrom(q);

  // A manager's reach, for the customer `id` names.
  const inScope = (id: SQL) =>
    options.locationIds
      ? options.locationIds.length
        ? sql`AND EXISTS (SELECT 1 FROM orders so WHERE so.customer_id = ${id}
          AND so.fulfilling_location_id IN (${sql.join(
            options.locationIds.map((l) => sql`${l}::uuid`),
            sql`, `,
          )}))`
        : sql`AND false`
      : sql``;

  const branches: SQL[] = [
    // A channel's external order id, and buyer / loyalty ids: exact, whatever the length.
    sql`SELECT o.customer_id AS cid, 0 AS rank, 1.0::float8 AS score, 'external_order' AS reason,
          ch.code AS detail, o.external_id AS detail2
        FROM orders o JOIN channels ch ON ch.id = o.channel_id
        WHERE o.external_id = ${q} AND o.customer_id IS NOT NULL`,
    sql`SELECT i.customer_id, 0, 1.0, i.kind::text, i.scope, i.value
        FROM customer_identities i
        WHERE i.value = ${q} AND i.kind IN ('buyer_id', 'loyalty')`,
  ];
  if (orderNumber) {
    branches.push(sql`SELECT o.customer_id, 0, 1.0, 'order', o.number, NULL
        FROM orders o WHERE o.number = ${orderNumber} AND o.customer_id IS NOT NULL`);
  }
  if (email) {
    branches.push(sql`SELECT i.customer_id, 0, 1.0, 'email', NULL, NULL
        FROM customer_identities i WHERE i.kind = 'email' AND i.scope = '' AND i.value = ${email}`);
    branches.push(sql`SELECT c.id, 0, 1.0, 'email', NULL, NULL FROM customers c WHERE c.email = ${email}`);
  }
  if (phone) {
    branches.push(sql`SELECT i.customer_id, 0, 1.0, 'phone', NULL, NULL
        FROM customer_identities i WHERE i.kind = 'phone' AND i.scope = '' AND i.value = ${phone}`);
    branches.push(sql`SELECT c.id, 0, 1.0, 'phone', NULL, NULL FROM customers c WHERE c.phone = ${phone}`);
  }
  if (fuzzy && !phone && !orderNumber && !q.includes(' ')) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Something shaped like an e-mail ranks before names; a bare word competes with them. ILIKE on the
    // column itself, so that customers_email_trgm_idx serves it (lower(email) has no index: a scan).
    const emailShaped = /[@.\d]/.test(q);
    // A whole e-mail someone holds is answered by the exact branches alone: the trigram scan of an address
    // (every trigram of 'gmail.com' in it) is skipped, the NOT EXISTS being checked once beforehand.
    const unlessExact = email
      ? sql` AND NOT EXISTS (SELECT 1 FROM customer_identities x WHERE x.kind = 'email' AND x.scope = '' AND x.value = ${email})`
      : sql``;
    // Like names, only the first of many ('mar' is in tens of thousands of addresses) go on (fenced).
    branches.push(sql`(SELECT c.id, ${sql.raw(emailShaped ? '1' : '2')}, ${sql.raw(emailShaped ? '1.0' : '0.5')}, 'email_partial', NULL, NULL
        FROM customers c WHERE c.email ILIKE ${pattern}${unlessExact} ${inScope(sql`coalesce(c.merged_into_id, c.id)`)}
        ORDER BY c.last_order_at DESC NULLS LAST, c.id LIMIT ${limit * FENCED_HITS_PER_RESULT})`);
  }
  // A scrap with a digit in it is no name (an e-mail's start, a reference): names are not searched.
  const searchesNames = fuzzy && !email && !phone && !orderNumber && !/\d/.test(q);
  if (searchesNames) {
    // Each word typed is matched against the vocabulary of name words (customer_name_words: tens of
    // thousands of words, trigram-indexed): the VOCABULARY_MATCHES most similar, the word itself, and
    // for the word being typed (the last, from PREFIX_MIN_LENGTH letters) the words it begins. The
    // customers holding one of them are read through customers_name_words_idx (migration 0031), every
    // word narrowing them. Matching the trigrams of a million names instead rechecked every name
    // sharing a common trigram ("  l", "mar"): hundreds of rows for a first name and a misspelt
    // surname, thousands for a short fragment. The whole query must still resemble the name, and ranks it.
    const words = q
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, MAX_NAME_WORDS);
    const nameWords = sql`search_words(c.first_name || ' ' || c.last_name)`;
    const folded = words.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    const eachWord = sql.join(
      words.map((w, i) => {
        const prefix =
          i === words.length - 1 && w.length >= PREFIX_MIN_LENGTH
            ? sql` || array(SELECT v.word FROM customer_name_words v WHERE v.word LIKE search_fold(${w}) || '%'
                LIMIT ${PREFIX_MATCHES})`
            : sql``;
        // Another word typed is not this one's match ("Marie Mar": not every Marie for "mar").
        const others = words.filter((_, j) => folded[j] !== folded[i]);
        const unlessTyped = others.length
          ? sql` WHERE m <> ALL (array[${sql.join(
              others.map((o) => sql`search_fold(${o})`),
              sql`, `,
            )}])`
          : sql``;
        return sql` AND ${nameWords} && array(SELECT m FROM unnest(array(SELECT v.word FROM customer_name_words v
            WHERE search_fold(${w}) <% v.word ORDER BY similarity(search_fold(${w}), v.word) DESC, v.word
            LIMIT ${VOCABULARY_MATCHES}) || search_fold(${w})${prefix}) m${unlessTyped})`;
      }),
    );
    // Only the best FENCED_HITS_PER_RESULT × limit go on to be resolved (their survivor, its scope):
    // a short word stands for tens of thousands of customers ("Mar"), whom resolving took seconds (and
    // `enable_seqscan = off` to keep the planner from hashing every customer). In the order `best`
    // ranks them in; the scope is checked here already (on the survivor a merged profile points to),
    // so that a manager's results are not cut away by others'.
    branches.push(sql`(SELECT c.id, 2, word_similarity(search_fold(${q}), c.search_name) AS score, 'name', NULL, NULL
        FROM customers c
        WHERE search_fold(${q}) <% c.search_name${eachWord} ${inScope(sql`coalesce(c.merged_into_id, c.id)`)}
        ORDER BY score DESC, c.last_order_at DESC NULLS LAST, c.id
        LIMIT ${limit * FENCED_HITS_PER_RESULT})`);
  }

  const scope = inScope(sql`c.id`);
  const channelName = options.locale ? sql`coalesce(ch.names ->> ${options.locale}::text, ch.name)` : sql`ch.name`;

  const statement = sql`
    WITH hits AS (${sql.join(branches, sql` UNION ALL `)}),
    resolved AS (
      SELECT DISTINCT ON (c.id) c.id, h.rank, h.score, h.reason, h.detail, h.detail2
      FROM hits h
      JOIN customers m ON m.id = h.cid
      JOIN customers c ON c.id = coalesce(m.merged_into_id, m.id) AND c.merged_into_id IS NULL
      WHERE true ${scope}
      ORDER BY c.id, h.rank, h.score DESC
    ),
    best AS (
      SELECT r.* FROM resolved r JOIN customers c ON c.id = r.id
      ORDER BY r.rank, r.score DESC, c.last_order_at DESC NULLS LAST, r.id LIMIT ${limit}
    )
    SELECT b.id, b.rank, b.score, b.reason, b.detail, b.detail2,
      c.first_name, c.last_name, c.email, c.phone, c.last_order_at,
      (SELECT o.shipping_address ->> 'city' FROM orders o
        WHERE o.customer_id = c.id AND o.shipping_address IS NOT NULL
        ORDER BY o.placed_at DESC LIMIT 1) AS city,
      (SELECT o.number FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1) AS last_order_number,
      (SELECT o.placed_at FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1) AS last_order_placed_at,
      coalesce((SELECT array_agg(${channelName} ORDER BY ${channelName}) FROM channels ch
        WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.channel_id = ch.id)), '{}') AS channel_names
    FROM best b JOIN customers c ON c.id = b.id
    ORDER BY b.rank, b.score DESC, c.last_order_at DESC NULLS LAST, c.id`;

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_THRESHOLD)}, true)`);
    const result = await tx.execute<Row>(statement);
    return result.rows.map(toResult);
  });
}

type Row = {
  id: string;
  rank: number;
  score: number;
  reason: string;
  detail: string | null;
  detail2: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  last_order_number: string | null;
  last_order_placed_at: string | Date | null;
  channel_names: string[] | string;
};

function toResult(row: Row): CustomerSearchResult {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    city: row.city,
    lastOrder:
      row.last_order_number && row.last_order_placed_at
        ? { number: row.last_order_number, placedAt: new Date(row.last_order_placed_at) }
        : null,
    channels: Array.isArray(row.channel_names) ? row.channel_names : parseTextArray(row.channel_names),
    exact: Number(row.rank) === 0,
    reason: reasonOf(row),
  };
}

function reasonOf(row: Row): CustomerSearchReason {
  switch (row.reason) {
    case 'order':
      return { kind: 'order', number: row.detail ?? '' };
    case 'external_order':
      return { kind: 'external_order', channel: row.detail ?? '', externalId: row.detail2 ?? '' };
    case 'buyer_id':
    case 'loyalty':
      return { kind: row.reason, value: row.detail2 ?? '' };
    case 'email':
    case 'phone':
    case 'email_partial':
      return { kind: row.reason };
    default:
      return { kind: 'name' };
  }
}

/** '{a,"b c"}' → ['a', 'b c'] (a driver that leaves arrays as text). */
function parseTextArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  if (!inner) return [];
  return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
}
