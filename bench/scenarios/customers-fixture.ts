import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customerIdentities, customerNotes, customers, notificationOutbox, pickups } from '../../db/schema';
import type { Actor } from '../../lib/auth/permissions';
import { normalizeEmail } from '../../lib/customers/normalize';
import { uuidArray } from '../../lib/uuid-array';
import {
  dropBenchChannel,
  insertBenchOrders,
  openBenchChannel,
  type BenchChannel,
  type BenchOrder,
} from './bench-orders';

const DAY = 86_400_000;

/**
 * What the customer scenarios add to the bench database: a channel of their own (bench-orders.ts)
 * that every order they add belongs to, and the customers they create. `cleanUp` removes all of it —
 * the channel and its orders (their lines, events and pickups go with them), the messages and
 * loyalty entries of those orders, the
 * merge journal and audit rows of those customers, then the customers (identities, notes and
 * duplicate suggestions go with them).
 */
export type CustomerBench = {
  channel: BenchChannel;
  tag: string;
  customerIds: string[];
  owner: Actor;
  cleanUp: () => Promise<void>;
};

export async function openCustomerBench(db: Db, name: string): Promise<CustomerBench> {
  const [owner] = (
    await db.execute<{ id: string }>(
      sql`select id from staff_users where role = 'owner' and active order by created_at limit 1`,
    )
  ).rows;
  if (!owner) throw new Error(`${name} needs an owner account in the bench database (the large seed makes one)`);
  const channel = await openBenchChannel(db, name);
  const bench: CustomerBench = {
    channel,
    tag: channel.tag,
    customerIds: [],
    owner: { userId: owner.id, role: 'owner', locationIds: [] },
    async cleanUp() {
      const ids = uuidArray(bench.customerIds);
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`delete from notification_outbox where order_id in (select id from orders where channel_id = ${channel.id})`,
        );
        await tx.execute(
          sql`delete from loyalty_entries where customer_id = any(${ids}) or order_id in (select id from orders where channel_id = ${channel.id})`,
        );
        await dropBenchChannel(tx, channel);
        await tx.execute(sql`delete from customer_merges where survivor_id = any(${ids}) or merged_id = any(${ids})`);
        await tx.execute(
          sql`delete from audit_log where entity_type = 'customer' and entity_id = any(${`{${bench.customerIds.join(',')}}`}::text[])`,
        );
        // Redirects first (merged_into_id restricts), then the profiles.
        await tx.execute(sql`update customers set merged_into_id = null where id = any(${ids})`);
        await tx.execute(sql`delete from customers where id = any(${ids})`);
      });
    },
  };
  return bench;
}

export type Catalogue = {
  variants: { id: string; sku: string; priceCents: number }[];
  stores: { id: string; code: string }[];
  warehouseId: string;
};

export async function sampleCatalogue(db: Db): Promise<Catalogue> {
  const { rows: variants } = await db.execute<{ id: string; sku: string; price_cents: number }>(
    sql`select id, sku, price_cents from variants order by md5(id::text) limit 300`,
  );
  const { rows: stores } = await db.execute<{ id: string; code: string }>(
    sql`select id, code from locations where kind = 'store' and pickup_enabled order by code`,
  );
  const { rows: warehouses } = await db.execute<{ id: string }>(
    sql`select id from locations where kind = 'warehouse' order by code limit 1`,
  );
  if (variants.length === 0 || stores.length === 0 || !warehouses[0])
    throw new Error('the customer scenarios need the large seed (variants, stores, a warehouse)');
  return {
    variants: variants.map((v) => ({ id: v.id, sku: v.sku, priceCents: Number(v.price_cents) })),
    stores,
    warehouseId: warehouses[0].id,
  };
}

/** A French number the large seed never gives (its are 06 and 07): no identity to collide with. */
export function benchPhone(): string {
  return `+339${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export type Person = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  city: string;
  postalCode: string;
  line1: string;
};

/**
 * A customer with `n` orders on the bench's channel over the last year (the latest a minute ago), as a regular of every
 * channel would have them: shipped to two addresses (the person's, and another of the same city)
 * or collected at two stores (collected pickups, each with its 'ready' message kept in the
 * outbox), every fifth one at a till, each earning its loyalty points; the
 * profile summary kept on the row as ingestion keeps it; identities for the e-mail and phone, and a
 * few notes. Inserted set-based in one transaction; the customer joins `bench.customerIds`.
 */
export async function makeRegular(
  db: Db,
  bench: CustomerBench,
  catalogue: Catalogue,
  person: Person,
  n: number,
  key: string,
): Promise<string> {
  const now = Date.now();
  const id = await db.transaction(async (tx) => {
    const [customer] = await tx
      .insert(customers)
      .values({
        firstName: person.firstName,
        lastName: person.lastName,
        email: normalizeEmail(person.email),
        phone: person.phone,
        createdAt: new Date(now - 400 * DAY),
      })
      .returning({ id: customers.id });
    // An identity someone else holds stays theirs (as ingestion leaves a known phone to its owner).
    await tx
      .insert(customerIdentities)
      .values([
        { customerId: customer.id, kind: 'email', value: normalizeEmail(person.email)! },
        ...(person.phone ? [{ customerId: customer.id, kind: 'phone' as const, value: person.phone }] : []),
      ])
      .onConflictDoNothing();
    const addresses = [
      { line1: person.line1, postalCode: person.postalCode, city: person.city, country: 'FR' },
      {
        line1: `3 ${person.line1.replace(/^\d+\s*/, '')}`,
        postalCode: person.postalCode,
        city: person.city,
        country: 'FR',
      },
    ];
    const rows = Array.from({ length: n }, (_, i): BenchOrder => {
      const v = catalogue.variants[(i * 7) % catalogue.variants.length];
      const kind: 'ship' | 'pickup' | 'in_store' = i % 5 === 4 ? 'in_store' : i % 2 ? 'pickup' : 'ship';
      const store = catalogue.stores[i % 2 ? 0 : Math.min(1, catalogue.stores.length - 1)];
      return {
        key: `${key}-${i}`,
        customerId: customer.id,
        status: kind === 'ship' ? 'shipped' : 'completed',
        fulfilmentType: kind,
        locationId: kind === 'ship' ? null : store.id,
        fulfillingLocationId: kind === 'ship' ? catalogue.warehouseId : store.id,
        shippingAddress:
          kind === 'ship'
            ? { name: `${person.firstName} ${person.lastName}`, ...addresses[i % 4 === 3 ? 1 : 0] }
            : null,
        placedAt: new Date(now - ((i * 365 * DAY) / n + 60_000)),
        lines: Array.from({ length: 1 + (i % 3) }, () => ({
          variantId: v.id,
          sku: v.sku,
          unitPriceCents: v.priceCents,
        })),
      };
    });
    const made = (await insertBenchOrders(tx, bench.channel, rows)).map((o, i) => ({
      ...o,
      fulfilmentType: rows[i].fulfilmentType,
      locationId: rows[i].locationId ?? null,
    }));
    await tx.execute(sql`insert into order_events (order_id, type, data, created_at)
      select id, 'placed', '{}'::jsonb, placed_at from orders where id = any(${uuidArray(made.map((o) => o.id))})`);
    const collected = made.filter((o) => o.fulfilmentType === 'pickup');
    if (collected.length) {
      const hour = 3_600_000;
      await tx.insert(pickups).values(
        collected.map((o, i) => ({
          orderId: o.id,
          locationId: o.locationId!,
          state: 'collected' as const,
          code: String((i * 7919 + 17) % 1_000_000).padStart(6, '0'),
          placedAt: o.placedAt,
          pickingStartedAt: new Date(o.placedAt.getTime() + hour),
          pickedAt: new Date(o.placedAt.getTime() + 2 * hour),
          readyAt: new Date(o.placedAt.getTime() + 2 * hour),
          dueBy: new Date(o.placedAt.getTime() + 7 * DAY),
          collectedAt: new Date(o.placedAt.getTime() + DAY),
          closedAt: new Date(o.placedAt.getTime() + DAY),
        })),
      );
      await tx.insert(notificationOutbox).values(
        collected.map((o) => ({
          kind: 'pickup_ready',
          channel: 'email' as const,
          recipient: normalizeEmail(person.email)!,
          orderId: o.id,
          status: 'kept' as const,
          attempts: 1,
          availableAt: new Date(o.placedAt.getTime() + 2 * hour),
          createdAt: new Date(o.placedAt.getTime() + 2 * hour),
          sentAt: new Date(o.placedAt.getTime() + 2 * hour),
          subject: 'Votre commande est prête',
        })),
      );
    }
    // 1 point per euro of every order (all fulfilled or collected here).
    await tx.execute(sql`insert into loyalty_entries (customer_id, points, kind, order_id, channel_id, at)
      select customer_id, greatest(1, total_cents / 100)::int, 'earn', id, channel_id, placed_at + interval '1 day'
      from orders where id = any(${uuidArray(made.map((o) => o.id))})`);
    await tx.insert(customerNotes).values(
      Array.from({ length: 3 }, (_, i) => ({
        customerId: customer.id,
        body: `Bench note ${i + 1}`,
        createdAt: new Date(now - i * 30 * DAY),
      })),
    );
    // The summary as ingestion keeps it (nothing cancelled or returned here).
    await tx.execute(sql`update customers set (order_count, lifetime_value_cents, last_order_at) =
      (select count(*)::int, coalesce(sum(total_cents), 0)::bigint, max(placed_at) from orders where customer_id = ${customer.id})
      where id = ${customer.id}`);
    return customer.id;
  });
  bench.customerIds.push(id);
  return id;
}
