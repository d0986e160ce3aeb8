import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DbHandle } from '@/db/client';
import {
  reducedAmounts,
  returnedRefundCents,
  returnRefundCents,
  sqlReducedTotalCents,
  sqlReturnedRefundCents,
} from './amounts';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openPglite();
});
afterAll(() => handle.close());

type Case = { subtotalCents: number; discountCents: number; shippingCents: number; removedCents: number };

/** An order whose totals add up (discount at most the subtotal) and a value of units gone from it, at most its subtotal. */
const cases = fc.nat(5_000_000).chain((subtotalCents) =>
  fc.record<Case>({
    subtotalCents: fc.constant(subtotalCents),
    discountCents: fc.nat(subtotalCents),
    shippingCents: fc.nat(2_000),
    removedCents: fc.nat(subtotalCents),
  }),
);

const withTotal = (c: Case) => ({ ...c, totalCents: c.subtotalCents - c.discountCents + c.shippingCents });

describe('returnRefundCents', () => {
  it('refunds the units’ share of the price paid, the discount shared and rounded for the customer', () => {
    // €99.90 of items, €10 off, €4.99 shipping: €94.89 paid.
    const order = { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, totalCents: 9489 };
    expect(returnRefundCents(order, 0, 4995)).toBe(4495);
    expect(returnRefundCents(order, 4995, 4995)).toBe(4495);
    // A third of the goods first: what remains keeps €6.67 of the €10 (rounded up), so €29.97 back.
    expect(returnRefundCents(order, 0, 3330)).toBe(2997);
    expect(returnRefundCents(order, 3330, 3330)).toBe(2997);
    expect(returnRefundCents(order, 6660, 3330)).toBe(2996);
    // Every unit back: the goods as paid, the shipping stays.
    expect(returnedRefundCents(order, 9990)).toBe(8990);
    expect(returnedRefundCents(order, 0)).toBe(0);
  });

  it('adds up over successive returns, never beyond the goods as paid nor a unit beyond its line price', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (c, seed) => {
        const order = withTotal(c);
        const first = seed % (c.removedCents + 1);
        const a = returnRefundCents(order, 0, first);
        const b = returnRefundCents(order, first, c.removedCents - first);
        expect(a + b).toBe(returnedRefundCents(order, c.removedCents));
        for (const [refund, value] of [
          [a, first],
          [b, c.removedCents - first],
        ]) {
          expect(refund).toBeGreaterThanOrEqual(0);
          expect(refund).toBeLessThanOrEqual(value);
        }
        expect(returnedRefundCents(order, c.removedCents)).toBeLessThanOrEqual(order.totalCents - order.shippingCents);
        expect(returnedRefundCents(order, c.subtotalCents)).toBe(order.totalCents - order.shippingCents);
        // What the customer still pays is the order priced without the units back.
        expect(order.totalCents - returnedRefundCents(order, c.removedCents)).toBe(
          reducedAmounts(order, c.removedCents).totalCents,
        );
      }),
    );
  });
});

describe('the SQL twins', () => {
  it('give in SQL what reducedAmounts and returnedRefundCents give in TypeScript', async () => {
    const sample = fc.sample(cases, 300);
    sample.push(
      { subtotalCents: 0, discountCents: 0, shippingCents: 499, removedCents: 0 },
      { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, removedCents: 3330 },
      { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, removedCents: 9990 },
      { subtotalCents: 15000, discountCents: 1000, shippingCents: 499, removedCents: 10000 },
      { subtotalCents: 5000, discountCents: 5000, shippingCents: 0, removedCents: 1 },
      { subtotalCents: 2_000_000_000_000, discountCents: 999_999_999_999, shippingCents: 1, removedCents: 3 },
    );
    const col = (k: keyof Case) => `array[${sample.map((c) => c[k]).join(',')}]::bigint[]`;
    const o = { subtotalCents: 's', discountCents: 'd', shippingCents: 'h' };
    const { rows } = await handle.db.execute<{ total: string; refund: string }>(
      sql.raw(
        `select ${sqlReducedTotalCents(o, 'r')}::text as total, ${sqlReturnedRefundCents(o, 'r')}::text as refund
         from unnest(${col('subtotalCents')}, ${col('discountCents')}, ${col('shippingCents')}, ${col('removedCents')})
           with ordinality as t(s, d, h, r, i) order by i`,
      ),
    );
    expect(rows.map((r) => [Number(r.total), Number(r.refund)])).toEqual(
      sample.map((c) => {
        const order = withTotal(c);
        return [reducedAmounts(order, c.removedCents).totalCents, returnedRefundCents(order, c.removedCents)];
      }),
    );
  });
});
