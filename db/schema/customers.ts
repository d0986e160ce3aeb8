import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffUsers } from './staff';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    /**
     * The full name folded for matching (lower case, without accents: search_fold, migration 0018),
     * kept by PostgreSQL itself: the counter's lookup (lib/pickups/lookup.ts) compares it for every
     * ready parcel of a store, where folding each name on every keystroke cost more than the read.
     */
    searchName: text('search_name').generatedAlwaysAs(sql`search_fold(first_name || ' ' || last_name)`),
    /** Primary contact details, copied from identities for display and search. */
    email: text('email'),
    phone: text('phone'),
    /** The language the customer's messages are written in ('fr', 'en'); null: the install's default. */
    locale: text('locale'),
    /** Consent to marketing by e-mail and by SMS (service messages about an order need none). */
    marketingEmail: boolean('marketing_email').notNull().default(false),
    marketingSms: boolean('marketing_sms').notNull().default(false),
    /** Staff's labels for the customer ('vip', 'b2b'…), lower case, sorted, unique. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A merged profile remains as a redirect to its survivor. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customers.id, { onDelete: 'restrict' }),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    // Profile summary, maintained in the same transaction as the orders it counts.
    orderCount: integer('order_count').notNull().default(0),
    lifetimeValueCents: bigint('lifetime_value_cents', { mode: 'number' }).notNull().default(0),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('customers_not_merged_into_self', sql`${t.mergedIntoId} is null or ${t.mergedIntoId} <> ${t.id}`),
    check('customers_locale_known', sql`${t.locale} is null or ${t.locale} in ('fr', 'en')`),
    check('customers_phone_e164', sql`${t.phone} is null or ${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    index('customers_name_trgm_idx').using('gin', sql`(${t.firstName} || ' ' || ${t.lastName}) gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
    // The search's exact e-mail (lib/customers/search.ts): the trigram index answers equality too, but
    // by reading the posting lists of trigrams every e-mail shares ('gma', 'il.'): ~40 ms at 1M customers.
    index('customers_email_idx').on(t.email),
    index('customers_phone_idx').on(t.phone),
    index('customers_merged_into_idx').on(t.mergedIntoId),
  ],
);

/**
 * The vocabulary of customers' names: every distinct word of their folded names (search_words,
 * migration 0031), kept by statement triggers on customers (migration 0041) in the writing
 * transaction. The name search matches a typed word against these tens of thousands of words
 * (trigrams), then fetches the customers holding the words found through customers_name_words_idx,
 * instead of rechecking the trigrams of a million names.
 */
export const customerNameWords = pgTable(
  'customer_name_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [
    index('customer_name_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
    // The words a fragment begins (LIKE 'frag%'), whatever the database's collation.
    index('customer_name_words_prefix_idx').on(t.word.op('text_pattern_ops')),
  ],
);

export const identityKind = pgEnum('identity_kind', ['email', 'phone', 'loyalty', 'buyer_id']);

/**
 * Every way a channel knows a person points at one customer. Values are normalized
 * (lower-cased email, E.164 phone). `scope` is the channel code for buyer ids, '' otherwise.
 */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: identityKind('kind').notNull(),
    scope: text('scope').notNull().default(''),
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('customer_identities_kind_scope_value_key').on(t.kind, t.scope, t.value),
    index('customer_identities_customer_idx').on(t.customerId),
    index('customer_identities_value_prefix_idx').on(t.value.op('text_pattern_ops')),
  ],
);

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its author last changed the text; null: as first written. */
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    check('customer_notes_body_nonempty', sql`length(trim(${t.body})) > 0`),
    index('customer_notes_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
  ],
);

export const duplicateStatus = pgEnum('duplicate_status', ['open', 'dismissed', 'merged']);

/**
 * Two customers who are likely one person, for staff to merge or dismiss: found when an order's
 * identity belongs to another customer than the one it was attached to (lib/customers/resolve-customer.ts)
 * and by the scan (lib/customers/duplicates.ts). One row per pair whatever the order: the smaller id
 * first. A dismissed pair stays dismissed: neither ingestion nor a scan reopens it.
 */
export const customerDuplicates = pgTable(
  'customer_duplicates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    otherCustomerId: uuid('other_customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** 1–100, from the reasons (duplicateScoreSql). */
    score: integer('score').notNull(),
    /** Sorted, once each: 'buyer_id', 'email', 'phone', 'name_address', 'name_city'. */
    reasons: text('reasons').array().notNull(),
    status: duplicateStatus('status').notNull().default('open'),
    decidedById: uuid('decided_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('customer_duplicates_pair_ordered', sql`${t.customerId} < ${t.otherCustomerId}`),
    check('customer_duplicates_score_range', sql`${t.score} between 1 and 100`),
    unique('customer_duplicates_pair_key').on(t.customerId, t.otherCustomerId),
    index('customer_duplicates_other_idx').on(t.otherCustomerId),
    index('customer_duplicates_open_idx')
      .on(t.score.desc(), t.createdAt.desc())
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * One merge of `mergedId` into `survivorId`, with what it moved (row ids per table and column) and
 * the survivor's field values it replaced: what undoMerge (lib/customers/merge.ts) puts back.
 */
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** `{ "orders.customer_id": [ids…], … }`: the rows moved from the merged customer to the survivor. */
    moved: jsonb('moved').notNull(),
    /** Both customers' rows as they were before the merge (fields and summaries). */
    before: jsonb('before').notNull(),
    /** The survivor's fields after the merge, to tell whether an undo is still safe. */
    after: jsonb('after').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneById: uuid('undone_by_id').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('customer_merges_survivor_idx').on(t.survivorId, t.mergedAt.desc()),
    index('customer_merges_merged_idx').on(t.mergedId),
  ],
);
