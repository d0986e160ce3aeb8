import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DbHandle } from '@/db/client';
import { FRENCH_STANDARD_VAT_BPS, sqlVatIncludedCents, vatIncludedCents } from './tax';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openPglite();
});
afterAll(() => handle.close());

describe('vatIncludedCents', () => {
  it('is the VAT inside a tax-included price, to the nearest cent', () => {
    expect(vatIncludedCents(5900)).toBe(983); // 59.00 € TTC = 49.17 € HT + 9.83 € VAT
    expect(vatIncludedCents(12_000)).toBe(2_000);
    expect(vatIncludedCents(0)).toBe(0);
    expect(vatIncludedCents(3)).toBe(1); // half a cent goes up
    expect(vatIncludedCents(2)).toBe(0);
    expect(vatIncludedCents(1055, 550)).toBe(55); // 5.5 %: 10.55 € TTC = 10.00 € HT + 0.55 €
    expect(vatIncludedCents(1000, 0)).toBe(0);
  });

  it('at 20 % is gross / 6 rounded, as phone orders always booked it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (gross) => {
        expect(vatIncludedCents(gross, FRENCH_STANDARD_VAT_BPS)).toBe(Math.round(gross / 6));
      }),
    );
  });

  it('never exceeds the amount and grows with it', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(1_000), fc.integer({ min: 0, max: 10_000 }), (gross, more, rate) => {
        const vat = vatIncludedCents(gross, rate);
        expect(vat).toBeLessThanOrEqual(gross);
        expect(vatIncludedCents(gross + more, rate)).toBeGreaterThanOrEqual(vat);
      }),
    );
  });

  it('refuses fractions of a cent, negative amounts and rates outside 0–100 %', () => {
    expect(() => vatIncludedCents(10.5)).toThrow(RangeError);
    expect(() => vatIncludedCents(-1)).toThrow(RangeError);
    expect(() => vatIncludedCents(100, 10_001)).toThrow(RangeError);
    expect(() => vatIncludedCents(100, 19.6)).toThrow(RangeError);
  });
});

describe('sqlVatIncludedCents', () => {
  it('gives in SQL what vatIncludedCents gives in TypeScript', async () => {
    const cases = fc.sample(fc.tuple(fc.nat(1_000_000_000), fc.integer({ min: 0, max: 10_000 })), 300);
    cases.push([0, 2_000], [3, 2_000], [5900, 2_000], [1055, 550], [999_999_999, 10_000]);
    for (const rate of new Set(cases.map(([, r]) => r))) {
      const grosses = cases.filter(([, r]) => r === rate).map(([g]) => g);
      const { rows } = await handle.db.execute<{ gross: string; vat: string }>(
        sql.raw(
          `select g::text as gross, ${sqlVatIncludedCents('g', rate)}::text as vat from unnest(array[${grosses.join(',')}]::bigint[]) g`,
        ),
      );
      expect(rows.map((r) => [Number(r.gross), Number(r.vat)])).toEqual(
        grosses.map((g) => [g, vatIncludedCents(g, rate)]),
      );
    }
  });
});
