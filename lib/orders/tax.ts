/** Rates in basis points (1/100 of a percent), so that every rate — 20 %, 5.5 % — is a whole number. */
export const BASIS_POINTS = 10_000;

/** The French standard VAT rate (20 %), which the catalogue's tax-included prices carry. */
export const FRENCH_STANDARD_VAT_BPS = 2_000;

/**
 * The VAT contained in a tax-included amount: gross × rate / (1 + rate), to the nearest cent,
 * half a cent up (at 20 % that is gross / 6). Exact in integers, whatever the amount.
 */
export function vatIncludedCents(grossCents: number, rateBps: number = FRENCH_STANDARD_VAT_BPS): number {
  if (!Number.isSafeInteger(grossCents) || grossCents < 0) throw new RangeError('grossCents must be whole cents ≥ 0');
  const divisor = divisorOf(rateBps);
  // Integer floor of gross × rate / divisor + ½; BigInt keeps the product exact above 2^53.
  return Number((2n * BigInt(grossCents) * BigInt(rateBps) + BigInt(divisor)) / (2n * BigInt(divisor)));
}

/**
 * The same rule in SQL, for set-based seeds and invariant checks: `grossCents` is an SQL
 * expression of whole cents ≥ 0 (bigint division truncates, which is the floor there).
 */
export function sqlVatIncludedCents(grossCents: string, rateBps: number = FRENCH_STANDARD_VAT_BPS): string {
  const divisor = divisorOf(rateBps);
  return `((2 * (${grossCents})::bigint * ${rateBps} + ${divisor}) / ${2 * divisor})`;
}

/** 1 + rate, in basis points; a rate that is not a whole number of basis points from 0 to 100 % is refused. */
function divisorOf(rateBps: number): number {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > BASIS_POINTS)
    throw new RangeError('rateBps must be a whole number of basis points from 0 to 10,000');
  return BASIS_POINTS + rateBps;
}
