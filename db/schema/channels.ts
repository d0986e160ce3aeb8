import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localNamesCheck, localNamesColumn } from './local-names';

export const channelKind = pgEnum('channel_kind', ['web', 'marketplace', 'pos', 'phone']);

export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    /** The canonical name: what exports and the channel API give, and what a language without its own name shows. */
    name: text('name').notNull(),
    /** Optional names per interface language (db/schema/local-names.ts). */
    names: localNamesColumn(),
    kind: channelKind('kind').notNull(),
    allowSplitShipments: boolean('allow_split_shipments').notNull().default(false),
    allowBackorders: boolean('allow_backorders').notNull().default(false),
    /**
     * A pickup order for a store short of stock is still taken when another location holds it all
     * (warehouses first): reserved there and sent to the store by a transfer (ship-to-store).
     */
    allowShipToStore: boolean('allow_ship_to_store').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [localNamesCheck('channels', t.names)],
);

export const channelCredentialKind = pgEnum('channel_credential_kind', ['signing', 'read']);

/**
 * A channel's credentials, several of each kind active at once so a rotation has an overlap
 * window: `signing` secrets sign order deliveries (HMAC) and are stored encrypted (the key comes
 * from the environment); `read` tokens are bearer tokens for the read API and are stored hashed.
 */
export const channelCredentials = pgTable(
  'channel_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    kind: channelCredentialKind('kind').notNull(),
    /** signing: the secret, encrypted at rest. */
    secretEncrypted: text('secret_encrypted'),
    /** read: SHA-256 (hex) of the token. */
    tokenHash: text('token_hash').unique(),
    /** The last characters of the value, to tell credentials apart without revealing them. */
    hint: text('hint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** null: until replaced; a rotation sets the old credential's end of overlap. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    index('channel_credentials_channel_idx').on(t.channelId, t.kind),
    check(
      'channel_credentials_value_by_kind',
      sql`(${t.kind} = 'signing' and ${t.secretEncrypted} is not null and ${t.tokenHash} is null) or (${t.kind} = 'read' and ${t.tokenHash} is not null and ${t.secretEncrypted} is null)`,
    ),
  ],
);
