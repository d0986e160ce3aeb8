import type { customerIdentities, customers, ShippingAddress } from '@/db/schema';
import { DEMO_KNOWN_CUSTOMER, DEMO_KNOWN_DUPLICATE } from '@/lib/seed/constants';
import {
  CUSTOMER_CITIES,
  EMAIL_DOMAIN_WEIGHTS,
  EMAIL_DOMAINS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  STREETS,
} from '@/lib/seed/data';
import { Rng } from '@/lib/seed/random';

export type CustomerRow = typeof customers.$inferInsert;
export type IdentityRow = typeof customerIdentities.$inferInsert;

/** What the order generator needs to know about a customer. */
export type CustomerInfo = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  loyaltyId: string | null;
  amazonId: string | null;
  zalandoId: string | null;
  homeStore: string;
  address: ShippingAddress;
  /** Relative number of orders (a heavy tail of frequent buyers). */
  activity: number;
  /** Already merged into another profile: a redirect, no orders. */
  mergedIntoId: string | null;
  /** Lower bound for created_at (set when the first order is known). */
  firstSeenAt: number | null;
  /** On a deliberate duplicate: the contact copied from the original, which has the identity. */
  sharedContact?: 'email' | 'phone';
};

export type CustomerSet = { info: CustomerInfo[]; duplicatePairs: [string, string][] };

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function emailLocal(first: string, last: string, rng: Rng): string {
  const f = stripAccents(first)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const l = stripAccents(last)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  switch (rng.int(0, 5)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f[0]}.${l}`;
    case 2:
      return `${f}${l}${rng.int(1, 99)}`;
    case 3:
      return `${f}_${l}`;
    case 4:
      return `${l}.${f}`;
    default:
      return `${f}.${l}${rng.int(60, 2005)}`;
  }
}

/** A typo a cashier could make: a lost accent, a dropped or doubled letter. */
function typo(name: string, rng: Rng): string {
  const plain = stripAccents(name);
  if (plain !== name) return plain;
  if (name.length < 4) return `${name}${name[name.length - 1]}`;
  const i = rng.int(1, name.length - 2);
  return rng.chance(0.5) ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + name[i] + name.slice(i);
}

export function generateCustomers(rng: Rng, ids: Rng, count: number, duplicates: number, merged: number): CustomerSet {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const loyalty = new Set<string>();
  const buyerIds = new Set<string>();
  const cityWeights = CUSTOMER_CITIES.map((c) => c.weight);
  const info: CustomerInfo[] = [];

  const uniqueEmail = (first: string, last: string): string => {
    for (;;) {
      const e = `${emailLocal(first, last, rng)}@${rng.weighted(EMAIL_DOMAINS, EMAIL_DOMAIN_WEIGHTS)}`;
      if (!emails.has(e)) {
        emails.add(e);
        return e;
      }
    }
  };
  const uniquePhone = (): string => {
    for (;;) {
      const p = `+33${rng.chance(0.8) ? 6 : 7}${rng.digits(8)}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const uniqueLoyalty = (): string => {
    for (;;) {
      const l = `FID-${rng.digits(7)}`;
      if (!loyalty.has(l)) {
        loyalty.add(l);
        return l;
      }
    }
  };
  const uniqueBuyer = (make: () => string): string => {
    for (;;) {
      const b = make();
      if (!buyerIds.has(b)) {
        buyerIds.add(b);
        return b;
      }
    }
  };
  const amazonId = () =>
    uniqueBuyer(
      () => `A${Array.from({ length: 13 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'])).join('')}`,
    );
  const zalandoId = () => uniqueBuyer(() => `ZC${rng.digits(9)}`);

  const address = (first: string, last: string, cityIndex: number): ShippingAddress => {
    const c = CUSTOMER_CITIES[cityIndex];
    return {
      name: `${first} ${last}`,
      line1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
      postalCode: c.postalCode,
      city: c.city,
      country: 'FR',
    };
  };

  const person = (): CustomerInfo => {
    const female = rng.chance(0.62);
    const firstName = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const lastName = rng.pick(LAST_NAMES);
    const cityIndex = CUSTOMER_CITIES.indexOf(rng.weighted(CUSTOMER_CITIES, cityWeights));
    const hasEmail = rng.chance(0.95);
    const hasLoyalty = rng.chance(0.45) || !hasEmail;
    return {
      id: ids.uuid(),
      firstName,
      lastName,
      email: hasEmail ? uniqueEmail(firstName, lastName) : null,
      phone: rng.chance(0.75) || !hasEmail ? uniquePhone() : null,
      loyaltyId: hasLoyalty ? uniqueLoyalty() : null,
      amazonId: hasEmail && rng.chance(0.28) ? amazonId() : null,
      zalandoId: hasEmail && rng.chance(0.14) ? zalandoId() : null,
      homeStore: CUSTOMER_CITIES[cityIndex].store,
      address: address(firstName, lastName, cityIndex),
      // Pareto-like: most customers buy once or twice, a few buy every month.
      activity: Math.min(10, Math.pow(1 / (1 - rng.next() * 0.999), 1 / 1.8)),
      mergedIntoId: null,
      firstSeenAt: null,
    };
  };

  // The known customer, on every channel, a regular.
  const k = DEMO_KNOWN_CUSTOMER;
  emails.add(k.email);
  phones.add(k.phone);
  loyalty.add(k.loyaltyId);
  buyerIds.add(k.amazonBuyerId);
  info.push({
    id: ids.uuid(),
    firstName: k.firstName,
    lastName: k.lastName,
    email: k.email,
    phone: k.phone,
    loyaltyId: k.loyaltyId,
    amazonId: k.amazonBuyerId,
    zalandoId: null,
    homeStore: 'PAR',
    address: {
      name: `${k.firstName} ${k.lastName}`,
      line1: '18 rue Oberkampf',
      postalCode: '75011',
      city: 'Paris',
      country: 'FR',
    },
    activity: 12,
    mergedIntoId: null,
    firstSeenAt: null,
  });
  const d = DEMO_KNOWN_DUPLICATE;
  emails.add(d.original.email);
  emails.add(d.duplicate.email);
  phones.add(d.original.phone);
  const knownOriginal: CustomerInfo = {
    ...person(),
    firstName: d.original.firstName,
    lastName: d.original.lastName,
    email: d.original.email,
    phone: d.original.phone,
    homeStore: 'LYS',
    address: {
      name: `${d.original.firstName} ${d.original.lastName}`,
      line1: '7 rue Mercière',
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
    activity: 4,
  };
  info.push(knownOriginal);

  const regular = Math.max(0, count - info.length - duplicates - merged);
  for (let i = 0; i < regular; i++) info.push(person());

  // Deliberate duplicates for the merge feature, as identity resolution leaves them: an order
  // with a known phone and another e-mail address makes a second customer, the phone an identity
  // of the original only and a copy on the duplicate's profile (both recorded as a suggestion by
  // the seed's duplicate scan); or the same person under an unaccented name at the same address.
  const duplicatePairs: [string, string][] = [];
  const candidates = info.filter((c) => c.email && c.phone && c !== info[0]);
  rng.shuffle(candidates);
  for (let n = 0; n < duplicates; n++) {
    const original = n === 0 ? knownOriginal : candidates[n % candidates.length];
    const kind = n === 0 ? 1 : n % 3;
    let dup: CustomerInfo;
    if (n === 0) {
      dup = {
        ...person(),
        firstName: d.duplicate.firstName,
        lastName: d.duplicate.lastName,
        email: d.duplicate.email,
        phone: d.duplicate.phone,
      };
    } else if (kind === 0) {
      // Same phone, another e-mail address, same name.
      dup = { ...person(), firstName: original.firstName, lastName: original.lastName, phone: original.phone };
      dup.email = uniqueEmail(original.firstName, original.lastName);
    } else if (kind === 1) {
      // Same phone, a typo in the name, another e-mail address.
      const firstName = rng.chance(0.5) ? typo(original.firstName, rng) : original.firstName;
      const lastName = firstName === original.firstName ? typo(original.lastName, rng) : original.lastName;
      dup = { ...person(), firstName, lastName, phone: original.phone };
      dup.email = uniqueEmail(firstName, lastName);
    } else {
      // The name without accents at the same address, an e-mail and a phone of its own: nothing an
      // order could match on (an e-mail always finds its customer), found by the duplicate scan.
      dup = { ...person(), firstName: stripAccents(original.firstName), lastName: original.lastName };
    }
    dup.amazonId = null;
    dup.zalandoId = null;
    dup.homeStore = original.homeStore;
    dup.address = { ...original.address, name: `${dup.firstName} ${dup.lastName}` };
    dup.activity = Math.max(0.5, original.activity / 2);
    if (kind !== 2) dup.sharedContact = 'phone';
    info.push(dup);
    duplicatePairs.push([original.id, dup.id]);
  }

  // Profiles already merged: redirects to a survivor, with no identities nor orders.
  for (let n = 0; n < merged; n++) {
    const survivor = candidates[(duplicates + n) % candidates.length];
    const ghost = person();
    ghost.firstName = survivor.firstName;
    ghost.lastName = survivor.lastName;
    ghost.email = null;
    ghost.phone = null;
    ghost.loyaltyId = null;
    ghost.amazonId = null;
    ghost.zalandoId = null;
    ghost.activity = 0;
    ghost.mergedIntoId = survivor.id;
    info.push(ghost);
  }
  return { info, duplicatePairs };
}

export function identityRows(c: CustomerInfo, createdAt: Date, ids: Rng): IdentityRow[] {
  const rows: IdentityRow[] = [];
  const shared = c.sharedContact;
  const add = (kind: IdentityRow['kind'], value: string | null, scope = '') => {
    if (value) rows.push({ id: ids.uuid(), customerId: c.id, kind, scope, value, createdAt });
  };
  if (shared !== 'email') add('email', c.email);
  if (shared !== 'phone') add('phone', c.phone);
  add('loyalty', c.loyaltyId);
  add('buyer_id', c.amazonId, 'amazon');
  add('buyer_id', c.zalandoId, 'zalando');
  return rows;
}
