import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13, makeEan13 } from '@/lib/seed/ean';
import { Rng } from '@/lib/seed/random';

describe('EAN-13', () => {
  it('computes the check digit of known barcodes', () => {
    // Published examples: 4006381333931 (Stabilo), 3017620422003 (a French product), 9780306406157 (ISBN-13).
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('301762042200')).toBe(3);
    expect(ean13CheckDigit('978030640615')).toBe(7);
    expect(ean13CheckDigit('000000000000')).toBe(0);
  });

  it('accepts valid codes and rejects wrong digits, lengths and characters', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339311')).toBe(false);
    expect(isValidEan13('40063813339a1')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow();
  });

  it('makes valid codes, and any single-digit change is detected', () => {
    const rng = new Rng(7);
    for (let n = 0; n < 200; n++) {
      const code = makeEan13(rng.digits(12));
      expect(isValidEan13(code)).toBe(true);
      const pos = rng.int(0, 12);
      const other = (Number(code[pos]) + rng.int(1, 9)) % 10;
      expect(isValidEan13(code.slice(0, pos) + other + code.slice(pos + 1))).toBe(false);
    }
  });
});
