/**
 * Units of an order line that can still be returned: those the customer took away (fewer than
 * ordered after a partial hand-over: unitsTaken, lib/orders/handed-over.ts) and not yet back. The
 * order page's return form offers these; returnOrder refuses more. Plain data, for the browser too.
 */
export function returnableUnits(line: { quantityTaken: number; quantityReturned: number }): number {
  return Math.max(0, line.quantityTaken - line.quantityReturned);
}
