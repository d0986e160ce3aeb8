import { describe, expect, it } from 'vitest';
import { ZAdjustStockInput, ZReceiveTransferInput, ZRecordCountInput } from './schemas';

const ids = {
  variantId: '00000000-0000-4000-8000-000000000001',
  locationId: '00000000-0000-4000-8000-000000000002',
};

describe('quantities from a form', () => {
  const adjust = (mode: 'delta' | 'set', quantity: unknown) =>
    ZAdjustStockInput.safeParse({ ...ids, mode, quantity, reason: 'damaged' });

  it('takes a whole number as JSON sends it or as typed, with either minus sign', () => {
    expect(adjust('delta', -2).data?.quantity).toBe(-2);
    expect(adjust('delta', ' -2 ').data?.quantity).toBe(-2);
    expect(adjust('delta', '−2').data?.quantity).toBe(-2);
    expect(adjust('set', '0').data?.quantity).toBe(0);
  });

  it('refuses a blank field instead of reading it as 0 (a blank count would have set on hand to 0)', () => {
    for (const quantity of ['', ' ', '2.5', '1e3', 'abc', '--2', 2.5, undefined]) {
      expect(adjust('set', quantity).success, String(quantity)).toBe(false);
      expect(adjust('delta', quantity).success, String(quantity)).toBe(false);
    }
  });

  it('keeps the adjustment rules: a change is not 0, a count not negative, both within a million', () => {
    expect(adjust('delta', '0').error?.issues[0]).toMatchObject({ path: ['quantity'], code: 'custom' });
    expect(adjust('set', '-1').error?.issues[0]).toMatchObject({ path: ['quantity'], code: 'custom' });
    expect(adjust('delta', '-1000001').success).toBe(false);
    expect(adjust('set', 1_000_001).success).toBe(false);
  });

  it('takes a reason only for the direction it explains; a correction goes either way', () => {
    const change = (quantity: number, reason: string) =>
      ZAdjustStockInput.safeParse({ ...ids, mode: 'delta', quantity, reason });
    expect(change(-2, 'damaged').success).toBe(true);
    expect(change(2, 'found').success).toBe(true);
    expect(change(2, 'returned').success).toBe(true);
    expect(change(2, 'damaged').error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(change(-2, 'found').error?.issues[0]).toMatchObject({ path: ['reason'] });
    expect(change(-2, 'count_correction').success).toBe(true);
    expect(change(2, 'count_correction').success).toBe(true);
    expect(change(2, '').success).toBe(false);
    // A change of 0 is said even while no reason is chosen (the form shows both at once).
    expect(
      change(0, '')
        .error?.issues.map((i) => i.path[0])
        .sort(),
    ).toEqual(['quantity', 'reason']);
  });

  it('refuses a blank received or counted quantity, and takes 0', () => {
    const receipt = (quantityReceived: unknown) =>
      ZReceiveTransferInput.safeParse({
        transferId: ids.variantId,
        lines: [{ variantId: ids.variantId, quantityReceived }],
      });
    expect(receipt('').success).toBe(false);
    expect(receipt('0').data?.lines[0].quantityReceived).toBe(0);
    const count = (counted: unknown) =>
      ZRecordCountInput.safeParse({ countId: ids.variantId, lines: [{ code: 'SKU-1', counted }] });
    expect(count(' ').success).toBe(false);
    expect(count('12').data?.lines[0].counted).toBe(12);
  });
});
