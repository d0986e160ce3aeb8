import { sql, type SQL } from 'drizzle-orm';

/**
 * Why two customers are likely one person. An identity (buyer id, e-mail, phone) of one order that
 * belongs to another customer; or, found by the scan, a similar name with the same address or city.
 */
export const DUPLICATE_REASONS = ['buyer_id', 'email', 'phone', 'name_address', 'name_city'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What each reason adds to a pair's score (capped at 100). */
export const DUPLICATE_REASON_WEIGHT: Record<DuplicateReason, number> = {
  buyer_id: 90,
  email: 90,
  phone: 70,
  name_address: 60,
  name_city: 40,
};

/** The score of a text[] of reasons: their weights added, at most 100. */
export function duplicateScoreSql(reasons: SQL): SQL {
  const cases = sql.join(
    DUPLICATE_REASONS.map((r) => sql`when ${r}::text then ${DUPLICATE_REASON_WEIGHT[r]}::int`),
    sql` `,
  );
  return sql`least(100, (select coalesce(sum(case r ${cases} else 0 end), 0) from unnest(${reasons}) r))::int`;
}

/**
 * Records suggested pairs: `pairs` selects (a uuid, b uuid, reasons text[]) — two distinct
 * customers, in any order, each pair once. A pair already suggested gains the new reasons while it
 * is open; a dismissed or merged pair stays as it is (dismissed is for good).
 */
export function recordDuplicatesSql(pairs: SQL): SQL {
  const merged = sql`array(select distinct r from unnest(customer_duplicates.reasons || excluded.reasons) r order by r)`;
  return sql`insert into customer_duplicates (customer_id, other_customer_id, score, reasons)
    select least(p.a, p.b), greatest(p.a, p.b), ${duplicateScoreSql(sql`p.reasons`)}, p.reasons from (${pairs}) p(a, b, reasons)
    on conflict (customer_id, other_customer_id) do update
      set reasons = ${merged}, score = ${duplicateScoreSql(merged)}
      where customer_duplicates.status = 'open' and not customer_duplicates.reasons @> excluded.reasons`;
}
