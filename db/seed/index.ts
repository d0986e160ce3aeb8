export {
  DEMO_CHANNELS,
  DEMO_KNOWN_CUSTOMER,
  DEMO_KNOWN_DUPLICATE,
  DEMO_LOCATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WAREHOUSE_CODE,
} from './constants';
export type { DemoChannel, DemoLocation, DemoUser } from './constants';
export { DEMO_SEED, DEMO_SIZES, generateDemoRows, seedDemo, type SeedCounts, type SeedDemoOptions } from './demo';
export { findInvariantViolations, SEED_INVARIANTS } from './invariants';
export { ean13CheckDigit, isValidEan13, makeEan13 } from './ean';
export { isLargeSeedPresent, LARGE_SIZES, seedLarge, type SeedLargeOptions } from './large';
export { Rng } from './random';
export { isDatabaseEmpty, truncateAll } from './reset';
export { CUSTOMER_SUMMARY_SQL, KPI_DAILY_FROM_ORDERS_SQL, rebuildCustomerSummaries, rebuildKpiDaily } from './rollups';
