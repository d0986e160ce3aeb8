/**
 * The loyalty rule, once: 1 point per whole unit of currency paid (100 minor units, cents for the
 * euro), rounded down — an order paid €59.90 earns 59 points, one paid €0.99 none. "Paid" is the
 * order's total (after discounts, with shipping and tax) as it stands when the order is fulfilled
 * (shipped, collected, or sold at the counter), less what returns refunded since; a parcel handed
 * over in part pays for what was taken (the order's amounts without the units left behind,
 * reducedAmounts in lib/orders/amounts.ts), and a return after it takes back only what those units
 * earned. Integer points only.
 */
export const CENTS_PER_POINT = 100;

export function pointsForPaidCents(paidCents: number): number {
  if (!Number.isFinite(paidCents) || paidCents <= 0) return 0;
  return Math.floor(paidCents / CENTS_PER_POINT);
}

/** Largest number of points one redemption or adjustment may move (a typo guard, not a business cap). */
export const MAX_POINTS_PER_ENTRY = 1_000_000;
