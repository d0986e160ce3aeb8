import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '@/lib/auth/password';
import { plainCredentialRows, sealSigningSecrets } from '@/lib/channels/credentials';
import { demoSeedMarker } from '@/lib/system/install';
import type { DbHandle } from '@/db/client';
import * as s from '@/db/schema';
import { DEMO_CHANNELS, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_USERS, DEMO_WAREHOUSE_CODE } from '@/lib/seed/constants';
import { NOTE_BODIES } from '@/lib/seed/data';
import { generateCatalogue } from '@/lib/seed/demo-catalogue';
import { scanAllDuplicates } from '@/lib/customers/duplicates';
import { returnedRefundCents } from '@/lib/orders/amounts';
import { type CustomerRow, generateCustomers, type IdentityRow, identityRows } from '@/lib/seed/demo-customers';
import { type AuditRow, type ChannelInfo, generateOrders, type LocationInfo } from '@/lib/seed/demo-orders';
import { Ledger } from '@/lib/seed/ledger';
import { Rng } from '@/lib/seed/random';
import { insertLiteral } from '@/lib/seed/bulk';
import { KPI_DAILY_FROM_ORDERS_SQL } from '@/lib/seed/rollups';
import { DAY, HOUR, MINUTE } from '@/lib/seed/time';

export type SeedDemoOptions = {
  /** Multiplies products, customers and orders; 1 = the full demo (500 products, 5,000 customers, 20,000 orders). */
  scale?: number;
  /** Orders are spread over the twelve months before this instant (default: now). */
  now?: Date;
  /** PRNG seed; the same seed and `now` give the same data. */
  seed?: number;
  log?: (line: string) => void;
};

export type SeedCounts = Record<string, number>;

export const DEMO_SIZES = { products: 500, customers: 5000, orders: 20000 } as const;

/**
 * Fills an empty, migrated database with a living demo store: locations, channels, staff,
 * catalogue, stock with a consistent ledger, customers (with deliberate duplicates), a year of
 * orders on every channel, click-and-collect in every state, transfers, notes, audit and
 * notifications; then the KPI rollups. Runs in one transaction: all or nothing.
 */
export async function seedDemo(handle: DbHandle, opts: SeedDemoOptions = {}): Promise<SeedCounts> {
  const log = opts.log ?? (() => {});
  const scale = opts.scale ?? 1;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000) * 1000;
  const seed = opts.seed ?? DEMO_SEED;
  const started = Date.now();
  const phase = (name: string, since: number) =>
    log(`  ${name.padEnd(28)} ${((Date.now() - since) / 1000).toFixed(2)} s`);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = generateDemoRows({ now, scale, seed, passwordHash });
  phase('generate', started);

  const counts: SeedCounts = {};
  await handle.db.transaction(async (tx) => {
    for (const [table, rows, label] of data.inserts) {
      const t0 = Date.now();
      await insertLiteral(tx, table, rows);
      counts[label] = (counts[label] ?? 0) + rows.length;
      if (rows.length > 2000) phase(`insert ${label}`, t0);
    }
    await sealSigningSecrets(tx);
    // Each pickup message links to its pickup's tracking page, as queuePickupMessages writes it: the
    // token is drawn by the database at insert (unguessable, so not generated with the seed's rng).
    await tx.execute(
      sql.raw(`UPDATE notification_outbox o
        SET payload = o.payload || jsonb_build_object('trackingPath', '/track/' || p.tracking_token)
        FROM pickups p
        WHERE p.order_id = o.order_id AND o.kind LIKE 'pickup.%' AND o.payload->>'trackingPath' IS NULL`),
    );
    const t0 = Date.now();
    await tx.execute(sql.raw(KPI_DAILY_FROM_ORDERS_SQL));
    // Human numbers continue after the seeded ones.
    await tx.execute(sql.raw(`SELECT setval('order_number_seq', ${100000 + data.orderCount})`));
    await tx.execute(
      sql.raw(`SELECT setval('transfer_number_seq', ${TRANSFER_NUMBER_START + data.transferCount - 1})`),
    );
    await tx.execute(sql.raw(`SELECT setval('count_number_seq', ${COUNT_NUMBER_START})`));
    // Likely duplicates, as ingestion and the background scan record them (lib/customers/duplicates.ts).
    counts.customer_duplicates = (await scanAllDuplicates(tx)).pairs;
    const kpiRows = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM kpi_daily`);
    counts.kpi_daily = Number(kpiRows.rows[0].n);
    // The database now holds the demo accounts: the sign-in page may list them.
    await tx.insert(s.systemSettings).values(demoSeedMarker('demo', new Date(now), seed));
    phase('kpi rollups', t0);
  });
  log(`  demo seed total              ${((Date.now() - started) / 1000).toFixed(2)} s`);
  return counts;
}

// First values of transfer_number_seq and count_number_seq (TR-10001, CC-10001).
const TRANSFER_NUMBER_START = 10001;
const COUNT_NUMBER_START = 10001;

export type Insert = [PgTable, readonly Record<string, unknown>[], string];

export const DEMO_SEED = 20241123;

export type DemoRows = { inserts: Insert[]; orderCount: number; transferCount: number };

/**
 * Every demo row, in insertion order, as a pure function of (now, scale, seed): the same
 * inputs give the same rows, ids included. `passwordHash` is the staff users' hash.
 */
export function generateDemoRows({
  now,
  scale,
  seed,
  passwordHash,
}: {
  now: number;
  scale: number;
  seed: number;
  passwordHash: string;
}): DemoRows {
  const rng = new Rng(seed);
  const ids = new Rng(seed ^ 0x5eed);
  const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
  const openedAt = now - 3 * 365 * DAY;

  // Locations, channels, staff.
  const locations: LocationInfo[] = DEMO_LOCATIONS.map((l) => ({
    id: ids.uuid(),
    code: l.code,
    name: l.name,
    kind: l.kind,
    pickupEnabled: l.pickupEnabled,
    holdDays: l.holdDays,
    weight: l.weight,
    address: l.address,
    city: l.city,
    names: l.names,
  }));
  const locationByCode = new Map(locations.map((l) => [l.code, l]));
  const locationRows = DEMO_LOCATIONS.map((l, i) => ({
    id: locations[i].id,
    code: l.code,
    name: l.name,
    names: l.names ?? {},
    kind: l.kind,
    city: l.city,
    address: l.address,
    timeZone: 'Europe/Paris',
    pickupEnabled: l.pickupEnabled,
    holdDays: l.holdDays,
    createdAt: at(openedAt),
  }));
  const channels: ChannelInfo[] = DEMO_CHANNELS.map((c) => ({ id: ids.uuid(), code: c.code, share: c.share }));
  const channelRows = DEMO_CHANNELS.map((c, i) => ({
    id: channels[i].id,
    code: c.code,
    name: c.name,
    names: c.names ?? {},
    kind: c.kind,
    allowSplitShipments: c.allowSplitShipments,
    allowShipToStore: c.allowShipToStore ?? false,
    createdAt: at(openedAt),
  }));
  // The documented demo secret both signs and reads; seedDemo encrypts the signing ones.
  const credentialRows = DEMO_CHANNELS.flatMap((c, i) => plainCredentialRows(channels[i].id, c.secret, at(openedAt)));
  const userIds = new Map(DEMO_USERS.map((u) => [u.email, ids.uuid()]));
  const userRows = DEMO_USERS.map((u) => ({
    id: userIds.get(u.email)!,
    email: u.email,
    name: u.name,
    passwordHash,
    role: u.role,
    // No saved language: each demo user sees their browser's until they choose one.
    locale: null,
    createdAt: at(openedAt + rng.int(0, 30) * DAY),
  }));
  const userLocationRows = DEMO_USERS.flatMap((u) =>
    u.locations.map((code) => ({ userId: userIds.get(u.email)!, locationId: locationByCode.get(code)!.id })),
  );
  const staffAt = new Map<string, string>();
  for (const u of DEMO_USERS)
    for (const code of u.locations)
      if (!staffAt.has(locationByCode.get(code)!.id)) staffAt.set(locationByCode.get(code)!.id, userIds.get(u.email)!);
  const ownerId = userIds.get('owner@comptoir.test')!;
  const agentId = userIds.get('agent@comptoir.test')!;
  const agent2Id = userIds.get('agent2@comptoir.test')!;
  const warehouse = locationByCode.get(DEMO_WAREHOUSE_CODE)!;
  const stores = locations.filter((l) => l.kind === 'store' && l.pickupEnabled);

  // Catalogue, customers, orders.
  const catalogue = generateCatalogue(rng, ids, Math.max(20, Math.round(DEMO_SIZES.products * scale)), now);
  const nCustomers = Math.max(100, Math.round(DEMO_SIZES.customers * scale));
  const customerSet = generateCustomers(rng, ids, nCustomers, Math.max(6, Math.round(40 * scale)), 3);
  const ledger = new Ledger();
  const orderSet = generateOrders(
    {
      rng,
      ids,
      now,
      channels,
      stores,
      warehouse,
      locationByCode,
      staffAt,
      agentId,
      variants: catalogue.info,
      customers: customerSet.info,
      ledger,
    },
    Math.max(200, Math.round(DEMO_SIZES.orders * scale)),
    Math.max(12, Math.round(40 * scale)),
  );
  const audit: AuditRow[] = [...orderSet.audit];

  // Customer rows, with the profile summary of their orders (rules in rollups.ts).
  const returnedValue = new Map<string, number>();
  for (const l of orderSet.lines) {
    if (l.quantityReturned)
      returnedValue.set(l.orderId, (returnedValue.get(l.orderId) ?? 0) + l.quantityReturned * l.unitPriceCents);
  }
  const summary = new Map<string, { count: number; ltv: number; last: number }>();
  for (const o of orderSet.orders) {
    if (!o.customerId) continue;
    const sum = summary.get(o.customerId) ?? { count: 0, ltv: 0, last: 0 };
    sum.count++;
    if (o.status !== 'cancelled') {
      const amounts = {
        ...o,
        discountCents: o.discountCents ?? 0,
        shippingCents: o.shippingCents ?? 0,
        taxCents: o.taxCents ?? 0,
      };
      sum.ltv += o.totalCents - returnedRefundCents(amounts, returnedValue.get(o.id!) ?? 0);
    }
    sum.last = Math.max(sum.last, o.placedAt.getTime());
    summary.set(o.customerId, sum);
  }
  const customerRows: CustomerRow[] = [];
  const identities: IdentityRow[] = [];
  for (const c of customerSet.info) {
    let created = now - rng.int(30, 1100) * DAY - rng.int(0, 86_399) * 1000;
    if (c.firstSeenAt !== null)
      created = Math.min(created, c.firstSeenAt - rng.int(0, 20) * DAY - rng.int(60, 3600) * 1000);
    const sum = summary.get(c.id);
    const mergedAt = c.mergedIntoId ? now - rng.int(5, 90) * DAY : null;
    customerRows.push({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      mergedIntoId: c.mergedIntoId,
      mergedAt: mergedAt === null ? null : at(mergedAt),
      orderCount: sum?.count ?? 0,
      lifetimeValueCents: sum?.ltv ?? 0,
      lastOrderAt: sum ? new Date(sum.last) : null,
      createdAt: at(created),
    });
    identities.push(...identityRows(c, at(created), ids));
    if (mergedAt !== null) {
      audit.push({
        actorId: agentId,
        action: 'customer.merge',
        entityType: 'customer',
        entityId: c.mergedIntoId!,
        data: { survivorId: c.mergedIntoId, mergedId: c.id, moved: { orders: 0, identities: 0, notes: 0 } },
        createdAt: at(mergedAt),
      });
    }
  }

  // Stock movements other than orders: transfers and adjustments.
  const popular = [...catalogue.info].sort((a, b) => b.popularity - a.popularity);
  const transferRows: (typeof s.transfers.$inferInsert)[] = [];
  const transferLineRows: (typeof s.transferLines.$inferInsert)[] = [];
  const transferSpecs = [
    { status: 'received', from: DEMO_WAREHOUSE_CODE, to: 'PAR', daysAgo: 25, lines: 6, note: 'Réassort hebdomadaire' },
    { status: 'received', from: DEMO_WAREHOUSE_CODE, to: 'LYS', daysAgo: 12, lines: 5, note: 'Réassort hebdomadaire' },
    { status: 'received', from: 'LYS', to: 'MRS', daysAgo: 8, lines: 2, note: 'Dépannage entre magasins' },
    { status: 'in_transit', from: DEMO_WAREHOUSE_CODE, to: 'BOD', daysAgo: 2, lines: 4, note: 'Réassort hebdomadaire' },
    {
      status: 'in_transit',
      from: DEMO_WAREHOUSE_CODE,
      to: 'PAR',
      daysAgo: 0.4,
      lines: 5,
      note: 'Réassort avant le week-end',
    },
    { status: 'draft', from: DEMO_WAREHOUSE_CODE, to: 'LIL', daysAgo: 0.1, lines: 3, note: 'Réassort hebdomadaire' },
    { status: 'draft', from: 'PAR', to: 'NTE', daysAgo: 1, lines: 2, note: 'Tailles manquantes à Nantes' },
    { status: 'cancelled', from: DEMO_WAREHOUSE_CODE, to: 'TLS', daysAgo: 5, lines: 3, note: 'Doublon' },
  ] as const;
  transferSpecs.forEach((spec, n) => {
    const id = ids.uuid();
    const source = locationByCode.get(spec.from)!;
    const destination = locationByCode.get(spec.to)!;
    const createdAt = now - spec.daysAgo * DAY;
    const shippedAt = createdAt + Math.min(spec.daysAgo * DAY * 0.3, 20 * HOUR);
    const receivedAt = shippedAt + Math.min(spec.daysAgo * DAY * 0.5, 44 * HOUR);
    const createdById = staffAt.get(source.id) ?? ownerId;
    transferRows.push({
      id,
      number: `TR-${TRANSFER_NUMBER_START + n}`,
      sourceLocationId: source.id,
      destinationLocationId: destination.id,
      status: spec.status,
      note: spec.note,
      createdById,
      createdAt: at(createdAt),
      shippedAt: spec.status === 'in_transit' || spec.status === 'received' ? at(shippedAt) : null,
      receivedAt: spec.status === 'received' ? at(receivedAt) : null,
      cancelledAt: spec.status === 'cancelled' ? at(createdAt + 3 * HOUR) : null,
    });
    audit.push({
      actorId: createdById,
      action: 'transfer.create',
      entityType: 'transfer',
      entityId: id,
      data: { from: spec.from, to: spec.to },
      createdAt: at(createdAt),
    });
    const picked = new Set<string>();
    for (let i = 0; picked.size < spec.lines && i < 200; i++) {
      const v = popular[rng.int(0, Math.min(popular.length, 150) - 1)];
      if (picked.has(v.id)) continue;
      picked.add(v.id);
      const quantity = source.kind === 'warehouse' ? rng.int(2, 12) : rng.int(1, 3);
      // The first received transfer arrived one unit short (damaged in transit).
      const received = spec.status === 'received' ? quantity - (n === 0 && picked.size === 1 ? 1 : 0) : null;
      transferLineRows.push({ transferId: id, variantId: v.id, quantity, quantityReceived: received });
      const ref = { referenceType: 'transfer' as const, referenceId: id };
      if (spec.status === 'in_transit' || spec.status === 'received') {
        ledger.add({
          variantId: v.id,
          locationId: source.id,
          deltaOnHand: -quantity,
          reason: 'transfer_out',
          actorId: createdById,
          at: shippedAt,
          ...ref,
        });
      }
      if (spec.status === 'received' && received) {
        ledger.add({
          variantId: v.id,
          locationId: destination.id,
          deltaOnHand: received,
          reason: 'transfer_in',
          actorId: staffAt.get(destination.id) ?? null,
          at: receivedAt,
          ...ref,
        });
      }
    }
  });

  const adjustmentKinds = [
    { detail: 'damaged', delta: -1 },
    { detail: 'lost', delta: -1 },
    { detail: 'theft', delta: -2 },
    { detail: 'found', delta: 1 },
  ];
  for (let n = 0; n < 15; n++) {
    const store = rng.pick(stores);
    const v = rng.pick(popular.slice(0, 300));
    const kind = rng.pick(adjustmentKinds);
    const actorId = staffAt.get(store.id) ?? ownerId;
    const when = now - rng.int(1, 120) * DAY - rng.int(0, 600) * MINUTE;
    const adjustmentId = ids.uuid();
    ledger.add({
      variantId: v.id,
      locationId: store.id,
      deltaOnHand: kind.delta,
      reason: 'adjustment',
      detail: kind.detail,
      referenceType: 'adjustment',
      referenceId: adjustmentId,
      actorId,
      at: when,
    });
    audit.push({
      actorId,
      action: 'inventory.adjust',
      entityType: 'inventory_level',
      entityId: `${v.id}:${store.id}`,
      data: { adjustmentId, sku: v.sku, locationCode: store.code, delta: kind.delta, reason: kind.detail },
      createdAt: at(when),
    });
  }
  audit.push({
    actorId: ownerId,
    action: 'staff.role_change',
    entityType: 'staff_user',
    entityId: agent2Id,
    data: { from: 'manager', to: 'agent' },
    createdAt: at(now - 60 * DAY),
  });

  // Inventory levels: pick a believable level per row, then size the opening receipt so that
  // the ledger adds up to it (and covers every reservation and later outflow).
  const seedAt = now - 380 * DAY;
  const levelRows: (typeof s.inventoryLevels.$inferInsert)[] = [];
  for (const v of catalogue.info) {
    for (const l of locations) {
      const wh = l.kind === 'warehouse';
      const safetyStock = wh ? rng.int(2, 6) : rng.chance(0.7) ? 1 : 0;
      const reorderPoint = wh ? rng.int(10, 30) : rng.int(2, 4);
      const r = rng.next();
      let target: number;
      if (r < (wh ? 0.04 : 0.1)) target = 0;
      else if (r < (wh ? 0.14 : 0.26)) target = rng.int(1, reorderPoint);
      else target = reorderPoint + 1 + Math.floor(rng.next() * (wh ? 60 + v.popularity * 15 : 8 + v.popularity * 1.5));
      const t = ledger.totalsOf(v.id, l.id);
      const onHand = Math.max(target, t.reserved, t.inflow);
      const receipt = onHand - t.onHand;
      if (receipt > 0)
        ledger.add({
          variantId: v.id,
          locationId: l.id,
          deltaOnHand: receipt,
          reason: 'receipt',
          referenceType: 'seed',
          referenceId: null,
          at: seedAt,
        });
      levelRows.push({
        variantId: v.id,
        locationId: l.id,
        onHand,
        reserved: t.reserved,
        safetyStock,
        reorderPoint,
        updatedAt: at(Math.max(seedAt, t.lastAt)),
      });
    }
  }

  // An open stock count of the shoes at Paris, half counted.
  const par = locationByCode.get('PAR')!;
  const countId = ids.uuid();
  const shoeIds = new Set(catalogue.info.filter((v) => v.category === 'Chaussures').map((v) => v.id));
  const countLines = levelRows
    .filter((l) => l.locationId === par.id && shoeIds.has(l.variantId))
    .map((l) => ({
      countId,
      variantId: l.variantId,
      expected: l.onHand!,
      counted: rng.chance(0.5) ? Math.max(0, l.onHand! + rng.weighted([0, -1, 1], [8, 1, 1])) : null,
    }));

  // Ring-fenced stock on the fashion marketplace.
  const zalando = channels.find((c) => c.code === 'zalando')!;
  const caps = popular
    .filter((v) => v.fashion)
    .slice(0, 15)
    .map((v) => ({ channelId: zalando.id, variantId: v.id, maxUnits: rng.int(5, 20) }));

  // Agents' notes on customers who buy often.
  const regulars = customerSet.info.filter((c) => !c.mergedIntoId && c.activity > 2);
  const authors = [agentId, agent2Id, ownerId];
  const notes = Array.from({ length: Math.max(10, Math.round(80 * scale)) }, (_, n) => ({
    id: ids.uuid(),
    customerId: n === 0 ? customerSet.info[0].id : rng.pick(regulars).id,
    authorId: rng.pick(authors),
    body: NOTE_BODIES[n % NOTE_BODIES.length],
    createdAt: at(now - rng.int(1, 200) * DAY - rng.int(0, 600) * MINUTE),
  }));
  // The note about a second account sits on a real duplicate.
  const twoAccounts = notes.find((n) => n.body.startsWith('A deux comptes'));
  if (twoAccounts) twoAccounts.customerId = customerSet.duplicatePairs[0][0];

  audit.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());

  const inserts: Insert[] = [
    [s.locations, locationRows, 'locations'],
    [s.channels, channelRows, 'channels'],
    [s.channelCredentials, credentialRows, 'channel_credentials'],
    [s.staffUsers, userRows, 'staff_users'],
    [s.userLocations, userLocationRows, 'user_locations'],
    [s.products, catalogue.products, 'products'],
    [s.variants, catalogue.variants, 'variants'],
    [s.customers, customerRows, 'customers'],
    [s.customerIdentities, identities, 'customer_identities'],
    [s.orders, orderSet.orders, 'orders'],
    [s.orderLines, orderSet.lines, 'order_lines'],
    [s.orderEvents, orderSet.events, 'order_events'],
    [s.reservations, orderSet.reservations, 'reservations'],
    [s.pickups, orderSet.pickups, 'pickups'],
    [s.transfers, transferRows, 'transfers'],
    [s.transferLines, transferLineRows, 'transfer_lines'],
    [s.inventoryLevels, levelRows, 'inventory_levels'],
    [s.inventoryMovements, ledger.sorted(), 'inventory_movements'],
    [
      s.inventoryCounts,
      [
        {
          id: countId,
          number: `CC-${COUNT_NUMBER_START}`,
          locationId: par.id,
          status: 'open',
          scope: 'Chaussures',
          createdById: staffAt.get(par.id) ?? ownerId,
          createdAt: at(now - 3 * HOUR),
        },
      ],
      'inventory_counts',
    ],
    [s.inventoryCountLines, countLines, 'inventory_count_lines'],
    [s.channelStockCaps, caps, 'channel_stock_caps'],
    [s.customerNotes, notes, 'customer_notes'],
    [s.auditLog, audit, 'audit_log'],
    [s.notificationOutbox, orderSet.outbox, 'notification_outbox'],
  ];
  return { inserts, orderCount: orderSet.orders.length, transferCount: transferRows.length };
}
