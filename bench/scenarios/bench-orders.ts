import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { channels, orderLines, orders } from '../../db/schema';

/**
 * A channel of a scenario's own (inactive: no report or feed takes it for a selling channel) that
 * every order the scenario adds belongs to, so removing them is removing the channel's orders.
 * `tag` is unique to the run and prefixes the orders' numbers and external ids.
 */
export type BenchChannel = { id: string; tag: string };

export async function openBenchChannel(db: DbOrTx, name: string): Promise<BenchChannel> {
  const tag = `bench-${name}-${Date.now().toString(36)}`;
  const [channel] = await db
    .insert(channels)
    .values({ code: tag, name: tag, kind: 'web', active: false })
    .returning({ id: channels.id });
  return { id: channel.id, tag };
}

/** Removes the channel and its orders (their lines, events and pickups go with them): what else points at those orders goes first. */
export async function dropBenchChannel(db: DbOrTx, channel: BenchChannel): Promise<void> {
  await db.delete(orders).where(eq(orders.channelId, channel.id));
  await db.delete(channels).where(eq(channels.id, channel.id));
}

export type BenchLine = { variantId: string; sku: string; unitPriceCents: number; quantity?: number };

/** An order as a scenario describes it: its totals and item count come from its lines. */
export type BenchOrder = Omit<
  typeof orders.$inferInsert,
  'number' | 'externalId' | 'channelId' | 'subtotalCents' | 'totalCents' | 'itemCount'
> & {
  /** Unique within the run: the order's number and external id are `<tag>-<key>`. */
  key: string;
  lines: BenchLine[];
};

/**
 * Inserts the orders on the channel with their lines, set-based (500 orders a statement), and
 * returns their ids and placing times in the order given.
 */
export async function insertBenchOrders(
  db: DbOrTx,
  channel: BenchChannel,
  input: readonly BenchOrder[],
): Promise<{ id: string; placedAt: Date }[]> {
  const made: { id: string; placedAt: Date }[] = [];
  for (let i = 0; i < input.length; i += 500) {
    const rows = input.slice(i, i + 500).map(({ key, lines, ...order }) => {
      const total = lines.reduce((sum, l) => sum + l.unitPriceCents * (l.quantity ?? 1), 0);
      return {
        ...order,
        number: `${channel.tag}-${key}`,
        externalId: `${channel.tag}-${key}`,
        channelId: channel.id,
        subtotalCents: total,
        totalCents: total,
        itemCount: lines.reduce((sum, l) => sum + (l.quantity ?? 1), 0),
      };
    });
    made.push(...(await db.insert(orders).values(rows).returning({ id: orders.id, placedAt: orders.placedAt })));
  }
  const lines = made.flatMap((o, i) =>
    input[i].lines.map((l, j) => ({
      orderId: o.id,
      lineNo: j + 1,
      variantId: l.variantId,
      sku: l.sku,
      quantity: l.quantity ?? 1,
      unitPriceCents: l.unitPriceCents,
    })),
  );
  for (let i = 0; i < lines.length; i += 1000) await db.insert(orderLines).values(lines.slice(i, i + 1000));
  return made;
}
