import type { auditLog, notificationOutbox, orderEvents, orderLines, orders, pickups, reservations } from '@/db/schema';
import type { VariantInfo } from '@/lib/seed/demo-catalogue';
import type { CustomerInfo } from '@/lib/seed/demo-customers';
import { CANCEL_REASONS, CARRIERS, RETURN_REASONS } from '@/lib/seed/data';
import type { Ledger } from '@/lib/seed/ledger';
import { Rng, WeightedIndex } from '@/lib/seed/random';
import { DAY, HOUR, MINUTE, type ParisDate, parisDayBefore, parisToUtc, toParis } from '@/lib/seed/time';
import { returnRefundCents } from '@/lib/orders/amounts';
import { vatIncludedCents } from '@/lib/orders/tax';

export type OrderRow = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferInsert;
export type OrderEventRow = typeof orderEvents.$inferInsert;
export type ReservationRow = typeof reservations.$inferInsert;
export type PickupRow = typeof pickups.$inferInsert;
export type OutboxRow = typeof notificationOutbox.$inferInsert;
export type AuditRow = typeof auditLog.$inferInsert;

export type LocationInfo = {
  id: string;
  code: string;
  name: string;
  kind: 'store' | 'warehouse';
  pickupEnabled: boolean;
  holdDays: number;
  weight: number;
  /** What a customer message says of the store (lib/pickups/messages.ts writes the same). */
  address?: string;
  city?: string;
  names?: Record<string, string>;
};

export type ChannelInfo = { id: string; code: string; share: number };

export type OrderContext = {
  rng: Rng;
  ids: Rng;
  now: number;
  channels: readonly ChannelInfo[];
  stores: readonly LocationInfo[];
  warehouse: LocationInfo;
  locationByCode: ReadonlyMap<string, LocationInfo>;
  /** The manager acting at a location (picks, hands over), if any. */
  staffAt: ReadonlyMap<string, string>;
  agentId: string;
  variants: readonly VariantInfo[];
  customers: readonly CustomerInfo[];
  ledger: Ledger;
};

export type OrderSet = {
  orders: OrderRow[];
  lines: OrderLineRow[];
  events: OrderEventRow[];
  reservations: ReservationRow[];
  pickups: PickupRow[];
  outbox: OutboxRow[];
  audit: AuditRow[];
};

// ---------------------------------------------------------------------------------------
// When orders happen: a year of days weighted by season, sales, weekday, holidays and a
// growing business, then a Paris hour weighted per channel.

const WEEKDAY: Record<string, number[]> = {
  // Sunday first.
  web: [1.25, 1.1, 0.95, 0.95, 0.95, 0.9, 0.95],
  marketplace: [1.2, 1.05, 0.95, 0.95, 0.95, 0.95, 1.0],
  pos: [0.12, 0.7, 0.85, 1.05, 0.9, 1.1, 1.9],
  phone: [0, 1.2, 1.1, 1.1, 1.1, 1.0, 0.45],
};

const HOURS: Record<string, number[]> = {
  web: [
    0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1, 1.1, 1.2, 1.4, 1.4, 1.2, 1.1, 1.1, 1.2, 1.4, 1.7, 2, 2.1, 1.6,
    0.8,
  ],
  marketplace: [
    0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1, 1.1, 1.2, 1.4, 1.6, 1.9, 2, 1.6,
    0.9,
  ],
  pos: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0.9, 1.2, 1.1, 0.9, 1, 1.2, 1.5, 1.6, 0.8, 0, 0, 0, 0],
  phone: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.2, 1.2, 0.6, 0.7, 1.1, 1.1, 1, 0.9, 0.5, 0, 0, 0, 0, 0],
};

const MONTH = [1.0, 0.8, 0.9, 0.95, 0.95, 1.0, 1.0, 0.75, 0.95, 1.0, 1.2, 1.0];
const HOLIDAYS = new Set(['0-1', '4-1', '4-8', '6-14', '7-15', '10-1', '10-11', '11-25']);

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7);
}

/** Days since the start of the sales period (French soldes: January and end of June), or -1. */
function salesDay(d: ParisDate): number {
  const dayOfYear = (m: number, day: number) => Math.round((Date.UTC(d.year, m, day) - Date.UTC(d.year, 0, 1)) / DAY);
  const today = dayOfYear(d.month, d.day);
  const winter = dayOfYear(0, nthWeekday(d.year, 0, 3, 2));
  const summer = dayOfYear(5, lastWeekday(d.year, 5, 3));
  if (today >= winter && today < winter + 28) return today - winter;
  if (today >= summer && today < summer + 28) return today - summer;
  return -1;
}

export function isSalesPeriod(atMs: number): boolean {
  return salesDay(toParis(atMs)) >= 0;
}

export function dayFactor(d: ParisDate, kind: string): number {
  let f = MONTH[d.month];
  if (d.month === 11) f = d.day <= 24 ? 1.3 + (d.day / 24) * 0.9 : d.day === 25 ? 0.2 : 1.0;
  const sales = salesDay(d);
  if (sales >= 0) f *= sales < 7 ? 1.9 : 1.4;
  // Black Friday weekend (the Friday after the fourth Thursday of November) to Cyber Monday.
  if (d.month === 10) {
    const bf = nthWeekday(d.year, 10, 4, 4) + 1;
    if (d.day >= bf - 1 && d.day <= bf + 3) f *= kind === 'pos' ? 1.6 : d.day === bf ? 3 : 2;
  }
  if (HOLIDAYS.has(`${d.month}-${d.day}`)) f *= kind === 'pos' || kind === 'phone' ? 0.05 : 0.9;
  return f * WEEKDAY[kind][d.weekday];
}

export function kindOf(code: string): string {
  return code === 'amazon' || code === 'zalando' ? 'marketplace' : code;
}

type TimePlan = { days: WeightedIndex; dayInfo: ParisDate[]; todayHours: number[] };

function timePlan(kind: string, now: number): TimePlan {
  const dayInfo: ParisDate[] = [];
  const weights: number[] = [];
  const hours = HOURS[kind];
  const hourTotal = hours.reduce((a, b) => a + b, 0);
  const nowParis = toParis(now);
  const todayHours = hours.map((w, h) =>
    h < nowParis.hour ? w : h === nowParis.hour ? (w * nowParis.minute) / 60 : 0,
  );
  for (let back = 0; back < 365; back++) {
    const d = parisDayBefore(now, back);
    dayInfo.push(d);
    const trend = 0.85 + 0.3 * (1 - back / 365);
    let w = dayFactor(d, kind) * trend;
    if (back === 0) w *= todayHours.reduce((a, b) => a + b, 0) / hourTotal;
    weights.push(w);
  }
  return { days: new WeightedIndex(weights), dayInfo, todayHours };
}

function drawTime(plan: TimePlan, kind: string, rng: Rng, now: number): number {
  const back = plan.days.draw(rng);
  const d = plan.dayInfo[back];
  const hourWeights = back === 0 ? plan.todayHours : HOURS[kind];
  const hour = new WeightedIndex(hourWeights).draw(rng);
  const t = parisToUtc(d.year, d.month, d.day, hour, rng.int(0, 59), rng.int(0, 59));
  return Math.min(t, now - MINUTE - rng.int(0, 600) * 1000);
}

// ---------------------------------------------------------------------------------------

type Draft = { channel: ChannelInfo; at: number; forcePickup: boolean };

const LINE_COUNTS = [1, 2, 3, 4, 5];
const LINE_WEIGHTS = [55, 25, 12, 5, 3];
const POS_LINE_WEIGHTS = [60, 25, 10, 4, 1];

function secondsOnly(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

export function generateOrders(ctx: OrderContext, count: number, extraOpenPickups: number): OrderSet {
  const { rng, ids, now, ledger } = ctx;
  const out: OrderSet = { orders: [], lines: [], events: [], reservations: [], pickups: [], outbox: [], audit: [] };

  // 1. When, and on which channel.
  const plans = new Map<string, TimePlan>();
  for (const c of ctx.channels) plans.set(c.code, timePlan(kindOf(c.code), now));
  const drafts: Draft[] = [];
  const shares = ctx.channels.map((c) => c.share);
  for (let i = 0; i < count; i++) {
    const channel = rng.weighted(ctx.channels, shares);
    drafts.push({
      channel,
      at: drawTime(plans.get(channel.code)!, kindOf(channel.code), rng, now),
      forcePickup: false,
    });
  }
  // Click-and-collect orders of the last hours, so every store has a living queue: the first
  // ones are minutes old (still 'placed'), then 'to pick', then 'ready'.
  const web = ctx.channels.find((c) => c.code === 'web')!;
  const phone = ctx.channels.find((c) => c.code === 'phone')!;
  for (let i = 0; i < extraOpenPickups; i++) {
    const q = i / extraOpenPickups;
    const age =
      i < 2
        ? rng.int(60, 240) * 1000
        : q < 0.25
          ? rng.int(5, 90) * MINUTE
          : q < 0.5
            ? rng.int(90, 360) * MINUTE
            : rng.int(6 * 60, 30 * 60) * MINUTE;
    drafts.push({ channel: rng.chance(0.8) ? web : phone, at: now - age, forcePickup: true });
  }
  drafts.sort((a, b) => a.at - b.at);

  // 2. Who: customers are drawn by activity from the pool of those the channel can know.
  const active = ctx.customers.filter((c) => !c.mergedIntoId);
  const pool = (pred: (c: CustomerInfo) => boolean) => {
    const members = active.filter(pred);
    return { members, index: new WeightedIndex(members.map((c) => c.activity)) };
  };
  const pools: Record<string, ReturnType<typeof pool>> = {
    web: pool((c) => c.email !== null),
    amazon: pool((c) => c.amazonId !== null),
    zalando: pool((c) => c.zalandoId !== null),
    pos: pool((c) => c.loyaltyId !== null),
    phone: pool((c) => c.email !== null || c.phone !== null),
  };
  const drawCustomer = (code: string) => {
    const p = pools[code];
    return p.members[p.index.draw(rng)];
  };

  // 3. What: SKUs drawn by popularity; the fashion marketplace lists fashion only.
  const allVariants = { list: ctx.variants, index: new WeightedIndex(ctx.variants.map((v) => v.popularity)) };
  const fashionList = ctx.variants.filter((v) => v.fashion);
  const fashionVariants = { list: fashionList, index: new WeightedIndex(fashionList.map((v) => v.popularity)) };
  const storeWeights = ctx.stores.map((s) => s.weight);

  const external = new Set<string>();
  const posTickets = new Map<string, number>();
  // A pickup code is unique among a store's ready parcels (pickups_ready_code_key): the seed
  // never gives one store's parcels the same code.
  const codesByStore = new Map<string, Set<string>>();
  const newPickupCode = (storeId: string) => {
    const used = codesByStore.get(storeId) ?? new Set<string>();
    codesByStore.set(storeId, used);
    for (;;) {
      const code = rng.digits(6);
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  const uniqueExternal = (make: () => string) => {
    for (;;) {
      const e = make();
      if (!external.has(e)) {
        external.add(e);
        return e;
      }
    }
  };

  drafts.forEach((draft, k) => {
    const code = draft.channel.code;
    const placedAt = Math.floor(draft.at / 1000) * 1000;
    const orderId = ids.uuid();
    const number = `CMP-${100001 + k}`;
    const customer = code === 'pos' ? (rng.chance(0.45) ? drawCustomer('pos') : null) : drawCustomer(code);

    let fulfilment: 'ship' | 'in_store' | 'pickup' = 'ship';
    if (code === 'pos') fulfilment = 'in_store';
    else if (draft.forcePickup || (code === 'web' && rng.chance(0.18)) || (code === 'phone' && rng.chance(0.2)))
      fulfilment = 'pickup';
    let store: LocationInfo | null = null;
    if (fulfilment !== 'ship') {
      const home = customer ? ctx.locationByCode.get(customer.homeStore) : undefined;
      store = home && home.pickupEnabled && rng.chance(0.85) ? home : rng.weighted(ctx.stores, storeWeights);
    }
    const stockAt = store ?? ctx.warehouse;

    let externalId: string;
    if (code === 'web') externalId = `WEB-${2400000 + k}`;
    else if (code === 'amazon')
      externalId = uniqueExternal(() => `40${rng.int(2, 8)}-${rng.digits(7)}-${rng.digits(7)}`);
    else if (code === 'zalando') externalId = uniqueExternal(() => `10${rng.digits(10)}`);
    else if (code === 'phone') externalId = `TEL-${String(k + 1).padStart(6, '0')}`;
    else {
      const p = toParis(placedAt);
      const dayKey = `${store!.code}-${String(p.year % 100).padStart(2, '0')}${String(p.month + 1).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
      const ticket = (posTickets.get(dayKey) ?? 0) + 1;
      posTickets.set(dayKey, ticket);
      externalId = `${dayKey}-${String(ticket).padStart(4, '0')}`;
    }

    // Lines.
    const source = code === 'zalando' ? fashionVariants : allVariants;
    const nLines = rng.weighted(LINE_COUNTS, code === 'pos' ? POS_LINE_WEIGHTS : LINE_WEIGHTS);
    const chosen = new Set<string>();
    const lines: OrderLineRow[] = [];
    const onSale = isSalesPeriod(placedAt);
    for (let n = 0; n < nLines; n++) {
      let v = source.list[source.index.draw(rng)];
      for (let retry = 0; retry < 5 && chosen.has(v.id); retry++) v = source.list[source.index.draw(rng)];
      if (chosen.has(v.id)) continue;
      chosen.add(v.id);
      const quantity = rng.weighted([1, 2, 3], [85, 12, 3]);
      const markdown = onSale && rng.chance(0.45) ? rng.pick([0.2, 0.3, 0.3, 0.4, 0.5]) : 0;
      const unitPriceCents = markdown
        ? Math.max(10, Math.round((v.priceCents * (1 - markdown)) / 10) * 10)
        : v.priceCents;
      lines.push({
        id: ids.uuid(),
        orderId,
        lineNo: lines.length + 1,
        variantId: v.id,
        sku: v.sku,
        quantity,
        unitPriceCents,
        quantityReturned: 0,
      });
    }

    const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    let discount = 0;
    if (code === 'web' && rng.chance(0.08)) discount = Math.round(subtotal * 0.1);
    if (code === 'pos' && customer && rng.chance(0.1)) discount = Math.round(subtotal * 0.05);
    let shipping = 0;
    if (fulfilment === 'ship' && code === 'web') shipping = subtotal - discount >= 5000 ? 0 : 490;
    if (fulfilment === 'ship' && code === 'phone') shipping = 590;
    const total = subtotal - discount + shipping;
    const taxCents = vatIncludedCents(total);
    const amounts = {
      subtotalCents: subtotal,
      discountCents: discount,
      shippingCents: shipping,
      taxCents,
      totalCents: total,
    };

    const order: OrderRow = {
      id: orderId,
      number,
      channelId: draft.channel.id,
      externalId,
      customerId: customer?.id ?? null,
      status: 'placed',
      fulfilmentType: fulfilment,
      locationId: store?.id ?? null,
      fulfillingLocationId: stockAt.id,
      shippingAddress: fulfilment === 'ship' && customer ? customer.address : null,
      currency: 'EUR',
      subtotalCents: subtotal,
      discountCents: discount,
      shippingCents: shipping,
      taxCents,
      totalCents: total,
      itemCount: lines.reduce((s, l) => s + l.quantity, 0),
      placedAt: new Date(placedAt),
      cancelledAt: null,
      cancelReason: null,
      createdAt: new Date(placedAt),
    };
    if (customer && (customer.firstSeenAt === null || placedAt < customer.firstSeenAt)) customer.firstSeenAt = placedAt;

    let lastAt = placedAt;
    const event = (type: string, at: number, data: Record<string, unknown> = {}, actorId: string | null = null) => {
      out.events.push({ orderId, type, actorId, data, createdAt: secondsOnly(at) });
      if (at > lastAt) lastAt = at;
    };
    const ref = { referenceType: 'order' as const, referenceId: orderId };
    const reserveAll = (at: number) => {
      for (const l of lines) {
        ledger.add({
          variantId: l.variantId,
          locationId: stockAt.id,
          deltaReserved: l.quantity,
          reason: 'reservation',
          at,
          ...ref,
        });
      }
    };
    const closeReservations = (
      status: 'active' | 'consumed' | 'released',
      at: number | null,
      reason?: 'shipment' | 'pickup' | 'release',
      actorId?: string | null,
    ) => {
      for (const l of lines) {
        out.reservations.push({
          id: ids.uuid(),
          orderId,
          orderLineId: l.id!,
          variantId: l.variantId,
          locationId: stockAt.id,
          quantity: l.quantity,
          status,
          createdAt: secondsOnly(placedAt + 1000),
          closedAt: at === null ? null : secondsOnly(at),
        });
        if (at === null || !reason) continue;
        ledger.add({
          variantId: l.variantId,
          locationId: stockAt.id,
          deltaOnHand: reason === 'release' ? 0 : -l.quantity,
          deltaReserved: -l.quantity,
          reason,
          actorId,
          at,
          ...ref,
        });
      }
    };
    const cancel = (at: number, reason: string, actorId: string | null) => {
      order.status = 'cancelled';
      order.cancelledAt = secondsOnly(at);
      order.cancelReason = reason;
      event('cancelled', at, { reason }, actorId);
      if (actorId) {
        out.audit.push({
          actorId,
          action: 'order.cancel',
          entityType: 'order',
          entityId: orderId,
          data: { number, reason },
          createdAt: secondsOnly(at),
        });
      }
    };
    // Returns come back to the location that sold the goods.
    const maybeReturn = (completedAt: number) => {
      const returnAt = completedAt + rng.int(2, 20) * DAY + rng.int(0, 8 * 60) * MINUTE;
      if (returnAt >= now || !rng.chance(0.07)) return;
      const full = rng.chance(0.45);
      const reason = rng.pick(RETURN_REASONS);
      const returned = full ? lines : [rng.pick(lines)];
      let units = 0;
      let valueCents = 0;
      for (const l of returned) {
        const q = full ? l.quantity : 1;
        l.quantityReturned = q;
        units += q;
        valueCents += q * l.unitPriceCents;
        ledger.add({
          variantId: l.variantId,
          locationId: stockAt.id,
          deltaOnHand: q,
          reason: 'return',
          detail: reason,
          at: returnAt,
          ...ref,
        });
      }
      if (full) order.status = 'returned';
      // The one return of the order: its units' share of the price paid, as returnOrder refunds it.
      const cents = returnRefundCents(amounts, 0, valueCents);
      event(full ? 'returned' : 'partially_returned', returnAt, { units, cents, reason, locationId: stockAt.id });
    };

    // Same timeline as ingestion: 'placed', then 'sold' at a till or 'reserved' for the rest.
    event('placed', placedAt, { channel: code, externalId });
    event(fulfilment === 'in_store' ? 'sold' : 'reserved', placedAt + 1000, {});

    if (fulfilment === 'in_store') {
      const seller = ctx.staffAt.get(store!.id) ?? null;
      for (const l of lines) {
        ledger.add({
          variantId: l.variantId,
          locationId: store!.id,
          deltaOnHand: -l.quantity,
          reason: 'sale',
          actorId: seller,
          at: placedAt,
          ...ref,
        });
      }
      order.status = 'completed';
      maybeReturn(placedAt);
    } else if (fulfilment === 'ship') {
      reserveAll(placedAt + 1000);
      const confirmAt = placedAt + rng.int(1, 40) * MINUTE;
      const shipAt = placedAt + rng.int(4 * 60, 30 * 60) * MINUTE;
      const deliverAt = shipAt + rng.int(20 * 60, 72 * 60) * MINUTE;
      const cancelAt = placedAt + rng.int(10, 20 * 60) * MINUTE;
      if (rng.chance(0.03) && cancelAt < now) {
        if (confirmAt < cancelAt) event('confirmed', confirmAt);
        const byAgent = code === 'phone' || rng.chance(0.3);
        cancel(cancelAt, rng.pick(CANCEL_REASONS), byAgent ? ctx.agentId : null);
        closeReservations('released', cancelAt, 'release');
      } else if (now < confirmAt) {
        closeReservations('active', null);
      } else if (now < shipAt) {
        order.status = 'confirmed';
        event('confirmed', confirmAt);
        closeReservations('active', null);
      } else {
        event('confirmed', confirmAt);
        const carrier = rng.pick(CARRIERS);
        event('shipped', shipAt, {
          carrier,
          trackingNumber: `${carrier.slice(0, 2).toUpperCase()}${rng.digits(11)}FR`,
        });
        closeReservations('consumed', shipAt, 'shipment');
        if (shipAt > now - 3 * DAY && customer?.email) {
          out.outbox.push({
            kind: 'order.shipped',
            channel: 'email',
            recipient: customer.email,
            orderId,
            payload: { orderNumber: number, carrier },
            status: 'sent',
            attempts: 1,
            availableAt: secondsOnly(shipAt),
            createdAt: secondsOnly(shipAt),
            sentAt: secondsOnly(shipAt + 30_000),
          });
        }
        if (now < deliverAt) order.status = 'shipped';
        else {
          order.status = 'completed';
          event('delivered', deliverAt);
          maybeReturn(deliverAt);
        }
      }
    } else {
      // Click-and-collect: placed → to_pick → ready → collected | expired, or cancelled.
      const s = store!;
      const staff = ctx.staffAt.get(s.id) ?? null;
      reserveAll(placedAt + 1000);
      const toPickAt = placedAt + rng.int(5, 90) * MINUTE;
      const readyAt = toPickAt + rng.int(30, 360) * MINUTE;
      const dueBy = readyAt + s.holdDays * DAY;
      const pickup: PickupRow = {
        id: ids.uuid(),
        orderId,
        locationId: s.id,
        state: 'placed',
        placedAt: new Date(placedAt),
        updatedAt: new Date(placedAt),
      };
      const notifyReady = () => {
        // As queuePickupMessages writes it (lib/pickups/messages.ts): e-mail only, the payload the templates render.
        if (!customer?.email || readyAt < now - 10 * DAY) return;
        const fresh = readyAt > now - 20 * MINUTE;
        out.outbox.push({
          kind: 'pickup.ready',
          channel: 'email',
          recipient: customer.email,
          orderId,
          payload: {
            locale: null,
            firstName: customer.firstName,
            orderNumber: number,
            code: pickup.code,
            holdEndsAt: new Date(dueBy).toISOString(),
            store: {
              code: s.code,
              name: s.name,
              address: s.address ?? '',
              city: s.city ?? '',
              timeZone: 'Europe/Paris',
              openingHours: {},
            },
          },
          status: fresh ? 'pending' : 'sent',
          attempts: fresh ? 0 : 1,
          availableAt: secondsOnly(readyAt),
          createdAt: secondsOnly(readyAt),
          sentAt: fresh ? null : secondsOnly(readyAt + rng.int(5, 90) * 1000),
        });
      };
      const startPicking = () => {
        pickup.pickingStartedAt = secondsOnly(toPickAt);
        pickup.pickingStartedById = staff;
        event('to_pick', toPickAt, {}, staff);
      };
      const becomeReady = () => {
        pickup.code = newPickupCode(s.id);
        pickup.pickedAt = secondsOnly(readyAt);
        pickup.pickedById = staff;
        pickup.readyAt = secondsOnly(readyAt);
        pickup.readyById = staff;
        pickup.pickingStartedAt = secondsOnly(toPickAt);
        pickup.pickingStartedById = staff;
        pickup.dueBy = secondsOnly(dueBy);
        event('to_pick', toPickAt, {}, staff);
        event('ready', readyAt, { code: pickup.code, dueBy: new Date(dueBy).toISOString() }, staff);
        notifyReady();
      };
      const age = now - placedAt;
      const cancelAt = placedAt + Math.min(age * 0.6, rng.int(30, 30 * 60) * MINUTE);
      if (!draft.forcePickup && age > HOUR && rng.chance(0.05)) {
        if (cancelAt > readyAt) becomeReady();
        else if (cancelAt > toPickAt) startPicking();
        pickup.state = 'cancelled';
        pickup.cancelledAt = secondsOnly(cancelAt);
        pickup.closedAt = secondsOnly(cancelAt);
        const byAgent = code === 'phone' || rng.chance(0.4);
        cancel(cancelAt, rng.pick(CANCEL_REASONS.slice(0, 2)), byAgent ? ctx.agentId : null);
        closeReservations('released', cancelAt, 'release');
      } else if (now < toPickAt) {
        closeReservations('active', null);
      } else if (now < readyAt) {
        pickup.state = 'to_pick';
        order.status = 'confirmed';
        startPicking();
        closeReservations('active', null);
      } else {
        becomeReady();
        order.status = 'confirmed';
        pickup.state = 'ready';
        const collectAt = readyAt + Math.pow(rng.next(), 2) * (s.holdDays * DAY - HOUR);
        const expireAt = dueBy + rng.int(60, 600) * MINUTE;
        if (rng.chance(0.94)) {
          if (collectAt <= now) {
            pickup.state = 'collected';
            pickup.collectedAt = secondsOnly(collectAt);
            pickup.collectedById = staff;
            pickup.closedAt = secondsOnly(collectAt);
            order.status = 'completed';
            event('collected', collectAt, {}, staff);
            closeReservations('consumed', collectAt, 'pickup', staff);
            maybeReturn(collectAt);
          } else closeReservations('active', null);
        } else if (expireAt <= now) {
          pickup.state = 'expired';
          pickup.expiredAt = secondsOnly(expireAt);
          pickup.closedAt = secondsOnly(expireAt);
          order.status = 'cancelled';
          order.cancelledAt = secondsOnly(expireAt);
          order.cancelReason = 'Non retirée dans le délai';
          event('expired', expireAt, { dueBy: new Date(dueBy).toISOString() });
          closeReservations('released', expireAt, 'release');
        } else closeReservations('active', null);
      }
      pickup.updatedAt = secondsOnly(lastAt);
      out.pickups.push(pickup);
    }

    order.updatedAt = secondsOnly(lastAt);
    out.orders.push(order);
    out.lines.push(...lines);
  });

  // One failed delivery, so the outbox screen has something to retry.
  const failed = out.outbox.find((o) => o.kind === 'pickup.ready' && o.status === 'sent');
  if (failed)
    Object.assign(failed, {
      status: 'failed',
      attempts: 8,
      sentAt: null,
      lastError: 'EENVELOPE: 550 5.1.1 <recipient>: Recipient address rejected: User unknown in virtual mailbox table',
    });
  // The latest ready message still waits for the dispatcher, whatever the time of day: the first
  // run of the outbox job delivers it (or keeps it for the development mailbox).
  const latest = out.outbox
    .filter((o) => o.kind === 'pickup.ready' && o.status !== 'failed')
    .reduce<OutboxRow | null>((a, o) => (!a || (o.createdAt as Date) > (a.createdAt as Date) ? o : a), null);
  if (latest && latest.status !== 'pending') Object.assign(latest, { status: 'pending', attempts: 0, sentAt: null });
  out.outbox.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  out.events.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  return out;
}
