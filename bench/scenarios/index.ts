import type { Scenario } from '../harness';
import { customersDuplicates } from './customers-duplicates';
import { customersMerge } from './customers-merge';
import { customersProfile } from './customers-profile';
import { customersSearch } from './customers-search';
import { inventoryBarcode, inventoryList } from './inventory';
import { ordersHotSku, ordersIngest, ordersList } from './orders';
import { ordersListRecent } from './orders-list-recent';
import { pickupsExpiry } from './pickups-expiry';
import { pickupsLive } from './pickups-live';
import { pickupsLookup } from './pickups-lookup';
import { pickupsNotify } from './pickups-notify';
import { pickupsQueue } from './pickups-queue';
import { seedLarge } from './seed-large';

/** Every scenario, in the order they run and appear in reports. */
export const SCENARIOS: readonly Scenario[] = [
  seedLarge,
  ordersListRecent,
  inventoryList,
  inventoryBarcode,
  ordersList,
  ordersIngest,
  ordersHotSku,
  pickupsQueue,
  pickupsLookup,
  pickupsExpiry,
  pickupsLive,
  pickupsNotify,
  customersSearch,
  customersProfile,
  customersMerge,
  customersDuplicates,
];
