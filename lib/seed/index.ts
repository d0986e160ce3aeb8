export {
  DEMO_CHANNELS,
  DEMO_KNOWN_CUSTOMER,
  DEMO_KNOWN_DUPLICATE,
  DEMO_LOCATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_WAREHOUSE_CODE,
} from '@/lib/seed/constants';
export type { DemoChannel, DemoLocation, DemoUser } from '@/lib/seed/constants';
export {
  DEMO_SEED,
  DEMO_SIZES,
  generateDemoRows,
  seedDemo,
  type SeedCounts,
  type SeedDemoOptions,
} from '@/lib/seed/demo';
export { findInvariantViolations, SEED_INVARIANTS } from '@/lib/seed/invariants';
export { ean13CheckDigit, isValidEan13, makeEan13 } from '@/lib/seed/ean';
export { isLargeSeedPresent, LARGE_SIZES, seedLarge, type SeedLargeOptions } from '@/lib/seed/large';
export { Rng } from '@/lib/seed/random';
export { isDatabaseEmpty, truncateAll } from '@/lib/seed/reset';
export {
  CUSTOMER_SUMMARY_SQL,
  KPI_DAILY_FROM_ORDERS_SQL,
  rebuildCustomerSummaries,
  rebuildKpiDaily,
} from '@/lib/seed/rollups';
