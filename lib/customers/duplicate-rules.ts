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

/** Two folded names this similar (pg_trgm similarity) are "a similar name": a typo, a missing accent. */
export const NAME_SIMILARITY = 0.5;

/**
 * The name rule, shared by the full scan and the incremental one: `a` and `b` name rows with
 * first_fold and last_fold (search_fold of each name) and search_name (the folded full name).
 * Similar names (similarity ≥ NAME_SIMILARITY) that begin alike — the same first three letters of
 * the first name, or of the last name — so that a typo in one of them is found, not one in both.
 */
export function similarNamesSql(a: string, b: string): SQL {
  const [x, y] = [sql.raw(a), sql.raw(b)];
  return sql`(left(${x}.first_fold, 3) = left(${y}.first_fold, 3) or left(${x}.last_fold, 3) = left(${y}.last_fold, 3))
    and similarity(${x}.search_name, ${y}.search_name) >= ${sql.raw(String(NAME_SIMILARITY))}`;
}

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
