import type { AdjustmentReason } from './constants';

/**
 * The reasons that explain units added, and units removed: a correction goes either way, a loss
 * never adds stock and a find never removes it. The adjust dialog offers only those of the
 * change's direction; the schema (a change) and adjustStock (a counted quantity, once the row is
 * locked) refuse the others. Plain data, so the browser's dialog reads it without the SQL rules.
 */
export const ADJUSTMENT_REASONS_BY_DIRECTION = {
  adding: ['found', 'returned', 'count_correction'],
  removing: ['damaged', 'lost', 'theft', 'return_to_vendor', 'count_correction'],
} as const satisfies Record<'adding' | 'removing', readonly AdjustmentReason[]>;

/**
 * The reasons grouped for a quantity not typed yet: those that go either way (a count correction)
 * once, then those only adding and those only removing, so no reason is offered twice.
 */
export const ADJUSTMENT_REASON_GROUPS = (() => {
  const { adding, removing } = ADJUSTMENT_REASONS_BY_DIRECTION;
  const both = (r: AdjustmentReason) =>
    (adding as readonly AdjustmentReason[]).includes(r) && (removing as readonly AdjustmentReason[]).includes(r);
  return {
    either: adding.filter(both),
    adding: adding.filter((r) => !both(r)),
    removing: removing.filter((r) => !both(r)),
  } satisfies Record<'either' | 'adding' | 'removing', readonly AdjustmentReason[]>;
})();

/** The reasons that may explain a change of `delta` units; every reason when the direction is not known yet. */
export function reasonsForChange(delta: number | null): readonly AdjustmentReason[] | null {
  if (delta === null || delta === 0) return null;
  return delta > 0 ? ADJUSTMENT_REASONS_BY_DIRECTION.adding : ADJUSTMENT_REASONS_BY_DIRECTION.removing;
}

/** Whether `reason` may explain a change of `delta` units (a change of 0 writes nothing, so anything fits). */
export function reasonFitsChange(reason: AdjustmentReason, delta: number): boolean {
  const allowed = reasonsForChange(delta);
  return allowed === null || allowed.includes(reason);
}
