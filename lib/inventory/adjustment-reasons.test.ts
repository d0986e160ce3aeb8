import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_REASON_GROUPS, reasonFitsChange, reasonsForChange } from './adjustment-reasons';
import { ADJUSTMENT_REASONS } from './constants';

describe('adjustment reasons', () => {
  it('groups each reason once for a quantity not typed yet: either way, then adding, then removing', () => {
    const grouped = [
      ...ADJUSTMENT_REASON_GROUPS.either,
      ...ADJUSTMENT_REASON_GROUPS.adding,
      ...ADJUSTMENT_REASON_GROUPS.removing,
    ];
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(new Set(grouped)).toEqual(new Set(ADJUSTMENT_REASONS));
    expect(ADJUSTMENT_REASON_GROUPS.either).toEqual(['count_correction']);
    expect(ADJUSTMENT_REASON_GROUPS.adding).toEqual(['found', 'returned']);
  });

  it('offers the reasons of the change’s direction, and every reason before it is known', () => {
    expect(reasonsForChange(null)).toBeNull();
    expect(reasonsForChange(0)).toBeNull();
    expect(reasonsForChange(3)).toContain('found');
    expect(reasonsForChange(-3)).toContain('theft');
    expect(reasonFitsChange('theft', 2)).toBe(false);
    expect(reasonFitsChange('count_correction', 2)).toBe(true);
    expect(reasonFitsChange('count_correction', -2)).toBe(true);
  });
});
