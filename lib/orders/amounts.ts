import { vatIncludedCents } from './tax';

/** An order's amounts in integer cents, as stored (db/schema/orders.ts) and as reducedAmounts reads them. */
export type OrderAmounts = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
};

/**
 * Whether the order's tax was added on top of its prices (a channel pricing without tax): its
 * total is subtotal − discount + shipping + tax, with some tax. Otherwise its prices include the
 * tax (French retail) and taxCents is the VAT its total contains. Ingestion accepts both
 * (ZIngestOrderInput), so the order itself says which.
 */
export function isTaxOnTop(order: OrderAmounts): boolean {
  return (
    order.taxCents > 0 &&
    order.totalCents === order.subtotalCents - order.discountCents + order.shippingCents + order.taxCents
  );
}

/**
 * What an order's amounts become without some units, in integer cents: the subtotal loses the
 * units at their line price; the discount is shared pro rata by what remains, rounded up (in the
 * customer's favour, so a refund is never short of a cent); shipping stays. Then the tax:
 * - prices including it: the total is subtotal − discount + shipping and the VAT it contains is
 *   recomputed by the one rule (lib/orders/tax.ts);
 * - tax on top (isTaxOnTop): the tax was the channel's on what it taxed, taken here to be
 *   subtotal − discount + shipping (EU VAT taxes shipping as it taxes the goods; the order does not
 *   say which rate or base the channel used, so the tax is shared as that amount is): what remains
 *   keeps the original tax × (that amount now / before), rounded down, so the tax refunded is
 *   rounded up in the customer's favour; the total is that amount plus the tax kept. With nothing
 *   taxed before (0 / 0) the tax stays.
 * A function of the value removed, so refunds measured as differences of it add up (returnedRefundCents).
 */
export function reducedAmounts(order: OrderAmounts, removedCents: number) {
  const subtotalCents = order.subtotalCents - removedCents;
  const shared =
    order.subtotalCents === 0
      ? 0
      : Number(
          (BigInt(order.discountCents) * BigInt(subtotalCents) + BigInt(order.subtotalCents) - 1n) /
            BigInt(order.subtotalCents),
        );
  const discountCents = Math.min(shared, subtotalCents);
  const taxedCents = subtotalCents - discountCents + order.shippingCents;
  const onTop = isTaxOnTop(order);
  const taxCents = onTop ? taxKeptOnTop(order, taxedCents) : vatIncludedCents(taxedCents);
  const totalCents = onTop ? taxedCents + taxCents : taxedCents;
  return { subtotalCents, discountCents, totalCents, taxCents, refundCents: order.totalCents - totalCents };
}

/** The tax on top kept when what was taxed becomes `taxedCents`: the original shared pro rata, rounded down. */
function taxKeptOnTop(order: OrderAmounts, taxedCents: number): number {
  const taxedBefore = order.subtotalCents - order.discountCents + order.shippingCents;
  if (taxedBefore === 0) return order.taxCents;
  // BigInt's division truncates, as div() does in the SQL twin; the product stays exact above 2^53.
  return Number((BigInt(order.taxCents) * BigInt(taxedCents)) / BigInt(taxedBefore));
}

/**
 * What returns refund in all once units worth `returnedCents` at their line price have come back:
 * what the order's total (as it stands, after any units taken off before it was fulfilled) loses
 * without them, by reducedAmounts. So a refund is the units' share of the price paid, discount
 * included; every unit back refunds the goods as paid (subtotal − discount, plus their share of a
 * tax on top) and shipping stays (with its share of a tax on top).
 */
export function returnedRefundCents(order: OrderAmounts, returnedCents: number): number {
  return reducedAmounts(order, 0).totalCents - reducedAmounts(order, returnedCents).totalCents;
}

/**
 * One return's refund: what returnedRefundCents adds when units worth `returningCents` come back
 * after those worth `returnedBeforeCents`. Successive returns add up to the refund of all of them
 * at once, never more than was paid for the goods.
 */
export function returnRefundCents(order: OrderAmounts, returnedBeforeCents: number, returningCents: number): number {
  return (
    returnedRefundCents(order, returnedBeforeCents + returningCents) - returnedRefundCents(order, returnedBeforeCents)
  );
}

/**
 * An order's amount columns (or expressions over them) in SQL, e.g. `o.subtotal_cents`, for the
 * twins below, which rollup rebuilds, merges and invariant checks use (lib/seed/rollups.ts).
 */
export type OrderAmountsSql = Record<keyof OrderAmounts, string>;

/** The amount columns of the orders row named `row` in a query (`o` for `FROM orders o`). */
export function orderAmountColumns(row: string): OrderAmountsSql {
  return {
    subtotalCents: `${row}.subtotal_cents`,
    discountCents: `${row}.discount_cents`,
    shippingCents: `${row}.shipping_cents`,
    taxCents: `${row}.tax_cents`,
    totalCents: `${row}.total_cents`,
  };
}

/** isTaxOnTop in SQL. */
export function sqlIsTaxOnTop(o: OrderAmountsSql): string {
  const tax = `(${o.taxCents})::bigint`;
  return `(${tax} > 0 AND (${o.totalCents})::bigint = ${sqlTaxedBefore(o)} + ${tax})`;
}

/** subtotal − discount + shipping, as the order states them. */
function sqlTaxedBefore(o: OrderAmountsSql): string {
  return `((${o.subtotalCents})::bigint - (${o.discountCents})::bigint + (${o.shippingCents})::bigint)`;
}

/**
 * reducedAmounts(order, removedCents).totalCents in SQL (amounts.test.ts checks they agree), exact
 * in integers whatever the amounts, rounded the same way.
 */
export function sqlReducedTotalCents(o: OrderAmountsSql, removedCents: string): string {
  const subtotal = `(${o.subtotalCents})::bigint`;
  const rest = `(${subtotal} - (${removedCents})::bigint)`;
  // div() on numeric truncates like BigInt's division, and its product cannot overflow as a bigint's could.
  const shared = `(CASE WHEN ${subtotal} = 0 THEN 0 ELSE div((${o.discountCents})::numeric * ${rest} + ${subtotal} - 1, ${subtotal})::bigint END)`;
  const taxed = `(${rest} - least(${shared}, ${rest}) + (${o.shippingCents})::bigint)`;
  const before = sqlTaxedBefore(o);
  const tax = `(${o.taxCents})::bigint`;
  const kept = `(CASE WHEN NOT ${sqlIsTaxOnTop(o)} THEN 0 WHEN ${before} = 0 THEN ${tax} ELSE div(${tax}::numeric * ${taxed}, ${before})::bigint END)`;
  return `(${taxed} + ${kept})`;
}

/** returnedRefundCents in SQL: `returnedCents` is the value of the units back at their line price. */
export function sqlReturnedRefundCents(o: OrderAmountsSql, returnedCents: string): string {
  return `(${sqlReducedTotalCents(o, '0')} - ${sqlReducedTotalCents(o, returnedCents)})`;
}
