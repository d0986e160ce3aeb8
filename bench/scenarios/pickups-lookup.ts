import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/permissions';
import { formatPickupCode } from '../../lib/pickups/code';
import { lookupReadyPickups, type LookupKind } from '../../lib/pickups/lookup';
import { iterations, measure, type Measurement, type Scenario } from '../harness';
import { withoutIndexes } from './plans';

const GOAL_P95_MS = 5;

/**
 * pickups.lookup — the counter's one input at the store with the most parcels on its shelf: a
 * code (as spoken, "123 456"), an order number (in full, or its first digits), a customer's name
 * (a last name typed without its accents, or the start of a first name), each measured on its own
 * since the goal holds for every kind. Terms come from that store's ready parcels, so each finds
 * something. Baseline: the same statements with index scans switched off (read only, nothing to undo).
 */
export const pickupsLookup: Scenario = {
  name: 'pickups.lookup',
  goal: `p95 < ${GOAL_P95_MS} ms for each kind`,
  async run(ctx) {
    const db = ctx.handle.db;
    const [store] = (
      await db.execute<{ id: string; code: string; ready: number }>(sql`
        select l.id, l.code, count(*)::int as ready from pickups p join locations l on l.id = p.location_id
        where p.state = 'ready' group by l.id, l.code order by count(*) desc limit 1`)
    ).rows;
    if (!store) throw new Error('pickups.lookup needs ready pickups: the bench database has none');
    const { rows: samples } = await db.execute<{ code: string; number: string; first: string; last: string }>(sql`
      select p.code, o.number, c.first_name as first, c.last_name as last
      from pickups p join orders o on o.id = p.order_id join customers c on c.id = o.customer_id
      where p.location_id = ${store.id}::uuid and p.state = 'ready' order by md5(p.id::text) limit 20`);
    const unaccent = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
    const terms: Record<LookupKind, string[]> = {
      code: samples.map((s) => formatPickupCode(s.code)),
      order: samples.flatMap((s, i) => (i % 2 ? [s.number] : [s.number.replace(/\D/g, '').slice(0, -1)])),
      name: samples.map((s, i) => (i % 2 ? unaccent(s.last).toLowerCase() : s.first.slice(0, 4))),
    };
    const owner: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'owner', locationIds: [] };
    const lookup = (tx: Db, q: string) => lookupReadyPickups(tx, owner, { locationId: store.id, q });

    // Every term finds something (a wrong parse would measure an empty answer).
    for (const [kind, list] of Object.entries(terms)) {
      for (const q of list) {
        const r = await lookup(db, q);
        if (r.pickups.length === 0) throw new Error(`pickups.lookup: ${kind} "${q}" found nothing`);
      }
    }

    const n = iterations(200, ctx.options.scale, 20);
    const ours = {} as Record<LookupKind, Measurement>;
    const baseline = {} as Record<LookupKind, Measurement>;
    for (const kind of ['code', 'order', 'name'] as const) {
      const list = terms[kind];
      ours[kind] = await measure((i) => lookup(db, list[i % list.length]), { warmup: 20, iterations: n });
      baseline[kind] = await measure((i) => withoutIndexes(db, (tx) => lookup(tx, list[i % list.length])), {
        warmup: 2,
        iterations: iterations(20, ctx.options.scale, 5),
      });
    }
    const worst = (m: Record<LookupKind, Measurement>) =>
      Object.values(m).reduce((a, b) => (b.p95_ms > a.p95_ms ? b : a));
    const fmt = (m: Record<LookupKind, Measurement>) =>
      Object.entries(m)
        .map(([k, v]) => `${k} ${v.p50_ms}/${v.p95_ms}`)
        .join(', ');
    return {
      ours: worst(ours),
      baseline: worst(baseline),
      ok: Object.values(ours).every((m) => m.p95_ms < GOAL_P95_MS),
      note: `store ${store.code} with ${store.ready} ready parcels; p50/p95 ms per kind — ours: ${fmt(ours)}; without indexes: ${fmt(baseline)} (the row is the worst kind)`,
    };
  },
};
