import { sql, type SQL } from 'drizzle-orm';
import { executePrepared, type DbOrTx } from '@/db/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { Forbidden } from '@/lib/errors';
import { parsePickupCode } from './code';

/** How many parcels the counter shows for one search: a name may match a few, a person reads them. */
export const LOOKUP_LIMIT = 20;

/** What the counter's one input was understood as. */
export type LookupKind = 'code' | 'order' | 'name';

export type LookupQuery = { kind: LookupKind; value: string };

export type CounterLine = { orderLineId: string; sku: string; name: string; title: string; quantity: number };

export type CounterPickup = {
  pickupId: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  code: string;
  readyAt: string;
  dueBy: string;
  /** Why it was found: its code, its order number, or its customer's name. */
  match: LookupKind;
  lines: CounterLine[];
};

export type LookupResult = { query: LookupQuery | null; pickups: CounterPickup[] };

/**
 * Lower-case, without accents: "Lefèvre" and "LEFEVRE" are the same to the counter. The statement
 * folds the result once more with search_fold (what customers.search_name is made of), so letters
 * NFD leaves alone ("ß", "Ł") are matched as the stored name has them.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a typed or scanned entry is: a pickup code ("482 913", "482913", or a URL carrying it, as a
 * keyboard-wedge scanner types a QR's text), an order number ("CMP-100123", "cmp100123", or its
 * digits), or else a customer's name. Null when there is nothing to look for.
 */
export function parseLookup(input: string): LookupQuery | null {
  const q = input.trim();
  if (!q) return null;
  const fromUrl = /^https?:\/\//i.test(q) || q.startsWith('/') ? codeInUrl(q) : null;
  if (fromUrl) return { kind: 'code', value: fromUrl };
  const code = parsePickupCode(q);
  if (code) return { kind: 'code', value: code };
  const order = /^([a-z]{2,5})[\s-]?(\d{1,12})$/i.exec(q);
  if (order) return { kind: 'order', value: `${order[1].toUpperCase()}-${order[2]}` };
  if (/^\d{1,12}$/.test(q.replace(/\s/g, ''))) return { kind: 'order', value: q.replace(/\s/g, '') };
  const name = foldText(q);
  return name.length >= 2 ? { kind: 'name', value: name } : null;
}

/** A six-digit code in a URL's query (?code=…) or last path segment. */
function codeInUrl(q: string): string | null {
  try {
    const url = new URL(q, 'http://counter.invalid');
    const param = url.searchParams.get('code');
    if (param) return parsePickupCode(param);
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? parsePickupCode(decodeURIComponent(last)) : null;
  } catch {
    return null;
  }
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The parcels ready at a store that match the counter's entry, best first: by code (exact), by
 * order number (exact, then by prefix; bare digits match the number's digits), by customer name
 * (accent- and case-insensitive; names starting with the entry, or a word of them, before names
 * containing it). Only the store's ready parcels are read, in pickups_ready_due_idx alone (it holds
 * each one's code, order number and customer's folded name: an index-only scan of a few pages for a
 * few hundred parcels); the orders, customers and lines of the (at most LOOKUP_LIMIT) parcels found
 * are read after. A manager looks only at their own stores (Forbidden otherwise). A named prepared
 * statement (one per kind of entry, its values as parameters): the counter asks as the staff types,
 * and planning the join cost about as much as running it (1.9 ms of 5 at PAR's 268 ready parcels).
 */
export async function lookupReadyPickups(
  db: DbOrTx,
  actor: Actor,
  input: { locationId: string; q: string },
): Promise<LookupResult> {
  if (!can(actor, 'pickups.manage', input.locationId)) throw new Forbidden('This store is not one of yours.');
  const query = parseLookup(input.q);
  if (!query) return { query: null, pickups: [] };
  const { rows } = await executePrepared<Omit<CounterPickup, 'match'> & { rank: number }>(
    db,
    lookupSql(input.locationId, query),
  );
  return {
    query,
    pickups: rows.map(({ rank, ...r }) => ({
      ...r,
      lines: r.lines ?? [],
      match: query.kind === 'code' && rank > 0 ? 'order' : query.kind,
    })),
  };
}

const FULL_NAME = sql`concat_ws(' ', c.first_name, c.last_name)`;

/** The statement of lookupReadyPickups (exported for the bench's plan check). */
export function lookupSql(locationId: string, query: LookupQuery): SQL {
  let filter: SQL;
  let rank: SQL;
  // pickups.order_number and pickups.search_name are the order's number and its customer's folded
  // name (customers.search_name), kept on the pickup (migrations 0034, 0035) so that matching reads
  // pickups_ready_due_idx only.
  const digits = sql`regexp_replace(p.order_number, '\\D', '', 'g')`;
  if (query.kind === 'code') {
    // Six digits are a code, or the digits of an order number or their start ("100123" for
    // CMP-100123 or CMP-1001234): the code first, then the exact number.
    filter = sql`(p.code = ${query.value} or ${digits} like ${`${query.value}%`})`;
    rank = sql`case when p.code = ${query.value} then 0 when ${digits} = ${query.value} then 1 else 2 end`;
  } else if (query.kind === 'order') {
    const value = query.value;
    const prefix = `${likeEscape(value)}%`;
    if (/^\d+$/.test(value)) {
      // Bare digits: the digits of the number ("10012" finds CMP-100123).
      filter = sql`${digits} like ${prefix}`;
      rank = sql`case when ${digits} = ${value} then 0 else 1 end`;
    } else {
      filter = sql`upper(p.order_number) like ${prefix}`;
      rank = sql`case when upper(p.order_number) = ${value} then 0 else 1 end`;
    }
  } else {
    // The entry gets the same fold as the stored name, once per lookup (an InitPlan): under the
    // prepared statement's generic plan a bare search_fold($n) would run for every parcel compared,
    // three times each.
    const folded = sql`p.search_name`;
    const v = sql`(select search_fold(${likeEscape(query.value)}))`;
    filter = sql`${folded} like '%' || ${v} || '%'`;
    rank = sql`case when ${folded} like ${v} || '%' then 0 when ${folded} like '% ' || ${v} || '%' then 1 else 2 end`;
  }
  return sql`
    with found as (
      select p.id, p.order_id, p.code, p.ready_at, p.due_by, ${rank} as rank
      from pickups p
      where p.location_id = ${locationId}::uuid and p.state = 'ready' and ${filter}
      order by rank, p.due_by, p.id
      limit ${LOOKUP_LIMIT})
    select f.id as "pickupId", o.id as "orderId", o.number as "orderNumber",
      coalesce(nullif(trim(${FULL_NAME}), ''), '') as "customerName", f.code,
      to_char(f.ready_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "readyAt",
      to_char(f.due_by at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueBy",
      f.rank,
      (select json_agg(json_build_object('orderLineId', l.id, 'sku', l.sku, 'name', pr.name, 'title', v.title,
          'quantity', l.quantity) order by l.line_no)
       from order_lines l join variants v on v.id = l.variant_id join products pr on pr.id = v.product_id
       where l.order_id = o.id) as lines
    from found f
    join orders o on o.id = f.order_id
    left join customers c on c.id = o.customer_id
    order by f.rank, f.due_by, f.id`;
}
