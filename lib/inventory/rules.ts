import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * The stock rules of one (SKU, location) row, each written once in two forms that must agree
 * (rules.test.ts checks them on the same rows): a function of a plain row, for what TypeScript
 * computes, and a SQL fragment over the columns of `inventory_levels` or one of its aliases —
 * `alias(inventoryLevels, 'l')` in a statement that reads `from inventory_levels l` — for what
 * a query filters, sorts or sums on.
 */
export type StockLevelFigures = { onHand: number; reserved: number; safetyStock: number; reorderPoint: number };

/**
 * The columns of `inventoryLevels`, or of an alias of it — or expressions over several rows (the
 * sums of a SKU's rows at the chosen locations), to which the rules apply the same way.
 */
export type StockLevelColumns = Record<keyof StockLevelFigures, AnyColumn | SQL>;

/**
 * Available to promise: on hand − reserved − safety stock, never below 0. Safety stock is what
 * a location keeps back from remote channels; what other orders reserved is already promised.
 */
export function availableToPromise(l: Pick<StockLevelFigures, 'onHand' | 'reserved' | 'safetyStock'>): number {
  return Math.max(0, l.onHand - l.reserved - l.safetyStock);
}

/** availableToPromise in SQL: `${availableToPromiseSql(l)} >= ${qty}` is "the row can promise qty". */
export function availableToPromiseSql(l: Pick<StockLevelColumns, 'onHand' | 'reserved' | 'safetyStock'>): SQL<number> {
  return sql<number>`greatest(${l.onHand} - ${l.reserved} - ${l.safetyStock}, 0)`;
}

/** Low stock: the row has a reorder point and on hand − reserved (safety stock included) is at or below it. */
export function isLowStock(l: Pick<StockLevelFigures, 'onHand' | 'reserved' | 'reorderPoint'>): boolean {
  return l.reorderPoint > 0 && l.onHand - l.reserved <= l.reorderPoint;
}

/** isLowStock in SQL, a boolean expression. */
export function isLowStockSql(l: Pick<StockLevelColumns, 'onHand' | 'reserved' | 'reorderPoint'>): SQL<boolean> {
  return sql<boolean>`(${l.reorderPoint} > 0 and ${l.onHand} - ${l.reserved} <= ${l.reorderPoint})`;
}
