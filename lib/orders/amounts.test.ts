import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DbHandle } from '@/db/client';
import {
  isTaxOnTop,
  reducedAmounts,
  type OrderAmounts,
  returnedRefundCents,
  returnRefundCents,
  sqlReducedTotalCents,
  sqlIsTaxOnTop,
  sqlReturnedRefundCents,
} from './amounts';
import { vatIncludedCents } from './tax';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openPglite();
});
afterAll(() => handle.close());

type Case = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** The tax a channel added on top of its prices; 0: the prices include VAT. */
  taxOnTopCents: number;
  removedCents: number;
};

/**
 * An order whose totals add up (discount at most the subtotal), its prices including VAT or, one
 * time in two, with some tax on top, and a value of units gone from it, at most its subtotal.
 */
const cases = fc.nat(5_000_000).chain((subtotalCents) =>
  fc.record<Case>({
    subtotalCents: fc.constant(subtotalCents),
    discountCents: fc.nat(subtotalCents),
    shippingCents: fc.nat(2_000),
    taxOnTopCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_500_000 })),
    removedCents: fc.nat(subtotalCents),
  }),
);

/** The order of a case, as ingestion stores it: its tax on top, or the VAT its total contains. */
const orderOf = (c: Case): OrderAmounts => {
  const { subtotalCents, discountCents, shippingCents, taxOnTopCents } = c;
  const taxed = subtotalCents - discountCents + shippingCents;
  return {
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents: taxOnTopCents || vatIncludedCents(taxed),
    totalCents: taxed + taxOnTopCents,
  };
};

/** a / b rounded up, for whole numbers ≥ 0. */
/** The columns of the SQL below. */
const O = { subtotalCents: 's', discountCents: 'd', shippingCents: 'h', taxCents: 'x', totalCents: 'g' };

const ceilDiv = (a: number, b: number) => Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));

describe('returnRefundCents', () => {
  it('refunds the units’ share of the price paid, the discount shared and rounded for the customer', () => {
    // €99.90 of items, €10 off, €4.99 shipping: €94.89 paid.
    const order = { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, taxCents: 1582, totalCents: 9489 };
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

  it('on an order with tax on top, refunds the units’ share of the tax too, and keeps the shipping’s', () => {
    // The same order priced without tax: €94.89 taxed (€99.90 − €10 + €4.99), €18.98 of tax on top: €113.87.
    const order = { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, taxCents: 1898, totalCents: 11387 };
    expect(isTaxOnTop(order)).toBe(true);
    // Half the goods: €44.95 and the tax on it, ⌈1898 × 4495 / 9489⌉ = €9.00 (rounded up for the customer).
    expect(returnRefundCents(order, 0, 4995)).toBe(4495 + 900);
    expect(reducedAmounts(order, 4995)).toEqual({
      subtotalCents: 4995,
      discountCents: 500,
      totalCents: 4994 + 998,
      taxCents: 998,
      refundCents: 5395,
    });
    // Every unit back: the goods as paid and their tax; the shipping stays with its €0.99 of tax.
    expect(returnedRefundCents(order, 9990)).toBe(8990 + 1799);
    expect(reducedAmounts(order, 9990)).toMatchObject({ totalCents: 499 + 99, taxCents: 99 });
  });

  it('adds up over successive returns, never beyond the goods as paid nor a unit beyond its line price and its tax', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (c, seed) => {
        const order = orderOf(c);
        const taxed = order.totalCents - c.taxOnTopCents;
        const first = seed % (c.removedCents + 1);
        const a = returnRefundCents(order, 0, first);
        const b = returnRefundCents(order, first, c.removedCents - first);
        expect(a + b).toBe(returnedRefundCents(order, c.removedCents));
        for (const [refund, value] of [
          [a, first],
          [b, c.removedCents - first],
        ]) {
          expect(refund).toBeGreaterThanOrEqual(0);
          // The units at their line price, and their share of a tax on top rounded up at most.
          expect(refund).toBeLessThanOrEqual(value + (taxed === 0 ? 0 : ceilDiv(c.taxOnTopCents * value, taxed)));
        }
        // Every unit back refunds the goods as paid and, on top, their share of the tax (what the
        // shipping does not keep), rounded up for the customer; never more than was paid but the shipping.
        const goodsTax = taxed === 0 ? 0 : ceilDiv(c.taxOnTopCents * (c.subtotalCents - c.discountCents), taxed);
        expect(returnedRefundCents(order, c.subtotalCents)).toBe(c.subtotalCents - c.discountCents + goodsTax);
        expect(returnedRefundCents(order, c.subtotalCents)).toBeLessThanOrEqual(order.totalCents - order.shippingCents);
        expect(returnedRefundCents(order, c.removedCents)).toBeLessThanOrEqual(
          returnedRefundCents(order, c.subtotalCents),
        );
        // What the customer still pays is the order priced without the units back.
        const reduced = reducedAmounts(order, c.removedCents);
        expect(order.totalCents - returnedRefundCents(order, c.removedCents)).toBe(reduced.totalCents);
        expect(reduced.refundCents).toBe(returnedRefundCents(order, c.removedCents));
        // The reduced order adds up as the order did: tax on top stays on top, VAT included stays included.
        const taxedAfter = reduced.subtotalCents - reduced.discountCents + order.shippingCents;
        if (c.taxOnTopCents === 0) {
          expect(reduced).toMatchObject({ totalCents: taxedAfter, taxCents: vatIncludedCents(taxedAfter) });
        } else {
          expect(reduced.totalCents).toBe(taxedAfter + reduced.taxCents);
          expect(reduced.taxCents).toBeLessThanOrEqual(c.taxOnTopCents);
        }
      }),
    );
  });

  it('leaves an order whose prices include VAT as it was: its tax is never on top', () => {
    // Its VAT is in the total, so total ≠ subtotal − discount + shipping + tax.
    const order = { subtotalCents: 3000, discountCents: 1000, shippingCents: 0, taxCents: 333, totalCents: 2000 };
    expect(isTaxOnTop(order)).toBe(false);
    expect(reducedAmounts(order, 1000)).toEqual({
      subtotalCents: 2000,
      discountCents: 667,
      totalCents: 1333,
      taxCents: vatIncludedCents(1333),
      refundCents: 667,
    });
    // No tax at all: nothing on top either.
    expect(isTaxOnTop({ ...order, taxCents: 0 })).toBe(false);
  });
});

describe('the SQL twins', () => {
  it('give in SQL what reducedAmounts and returnedRefundCents give in TypeScript', async () => {
    const sample = fc.sample(cases, 400);
    const at = (subtotalCents: number, discountCents: number, shippingCents: number, removedCents: number) => ({
      subtotalCents,
      discountCents,
      shippingCents,
      removedCents,
    });
    for (const taxOnTopCents of [0, 1, 1898, 999_999_999_999])
      sample.push(
        ...[
          at(0, 0, 499, 0),
          at(9990, 1000, 499, 3330),
          at(9990, 1000, 499, 9990),
          at(15000, 1000, 499, 10000),
          at(5000, 5000, 0, 1),
          at(5000, 5000, 0, 5000),
          at(1000, 1200, 499, 500),
          at(2_000_000_000_000, 999_999_999_999, 1, 3),
        ].map((c) => ({ ...c, taxOnTopCents })),
      );
    const orders = sample.map(orderOf);
    const col = (values: number[]) => `array[${values.join(',')}]::bigint[]`;
    const { rows } = await handle.db.execute<{ total: string; refund: string }>(
      sql.raw(
        `select ${sqlReducedTotalCents(O, 'r')}::text as total, ${sqlReturnedRefundCents(O, 'r')}::text as refund
         from unnest(${(['subtotalCents', 'discountCents', 'shippingCents', 'taxCents', 'totalCents'] as const)
           .map((k) => col(orders.map((o) => o[k])))
           .join(', ')}, ${col(sample.map((c) => c.removedCents))})
           with ordinality as t(s, d, h, x, g, r, i) order by i`,
      ),
    );
    expect(rows.map((r) => [Number(r.total), Number(r.refund)])).toEqual(
      sample.map((c, i) => [
        reducedAmounts(orders[i], c.removedCents).totalCents,
        returnedRefundCents(orders[i], c.removedCents),
      ]),
    );
    // Both kinds were compared.
    expect(new Set(orders.map(isTaxOnTop))).toEqual(new Set([true, false]));
  });

  it('tell tax on top in SQL as isTaxOnTop does', async () => {
    const orders = [
      { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, taxCents: 1898, totalCents: 11387 },
      { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, taxCents: 1582, totalCents: 9489 },
      { subtotalCents: 9990, discountCents: 1000, shippingCents: 499, taxCents: 0, totalCents: 9489 },
      { subtotalCents: 0, discountCents: 0, shippingCents: 0, taxCents: 5, totalCents: 5 },
    ];
    const { rows } = await handle.db.execute<{ top: boolean }>(
      sql.raw(
        orders
          .map(
            (o) =>
              `select ${sqlIsTaxOnTop(O)} as top from (values (${o.subtotalCents}, ${o.discountCents}, ${o.shippingCents}, ${o.taxCents}, ${o.totalCents})) t(s, d, h, x, g)`,
          )
          .join(' union all '),
      ),
    );
    expect(rows.map((r) => r.top)).toEqual(orders.map(isTaxOnTop));
    expect(orders.map(isTaxOnTop)).toEqual([true, false, false, true]);
  });
});
