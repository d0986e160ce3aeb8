import type { Scenario } from '../harness';
import { ordersListRecent } from './orders-list-recent';
import { seedLarge } from './seed-large';

/** Every scenario, in the order they run and appear in reports. */
export const SCENARIOS: readonly Scenario[] = [seedLarge, ordersListRecent];
