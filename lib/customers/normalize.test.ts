import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './normalize';

describe('phones', () => {
  it('stores any way of writing a French number in E.164', () => {
    for (const typed of ['06 12 34 56 78', '+33 6 12 34 56 78', '0033 612345678', '06.12.34.56.78']) {
      expect(normalizePhone(typed)).toBe('+33612345678');
    }
    expect(normalizePhone('12 34')).toBeNull();
    expect(normalizePhone('  ')).toBeNull();
  });

  it('shows a home-country number in national form and any other in international form', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+4930123456')).toBe('+49 30 123456');
    expect(formatPhone('+447911123456')).toBe('+44 7911 123456');
  });

  it('shows what is not a phone number as stored', () => {
    expect(formatPhone('erased')).toBe('erased');
  });
});
