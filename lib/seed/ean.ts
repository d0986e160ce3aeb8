/** EAN-13 check digit of the first 12 digits (GS1: weights 1 and 3 from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^[0-9]{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits before the check digit, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^[0-9]{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Completes 12 digits into a valid EAN-13. */
export function makeEan13(first12: string): string {
  return first12 + ean13CheckDigit(first12);
}

/**
 * The same check in SQL, for set-based generation and for tests: `ean13_ok(barcode)` style
 * expressions are built from this fragment (`$1` is the 12-digit text).
 */
export function sqlEan13CheckDigit(first12: string): string {
  const terms = Array.from({ length: 12 }, (_, i) => `substr(${first12}, ${i + 1}, 1)::int * ${i % 2 === 0 ? 1 : 3}`);
  return `((10 - ((${terms.join(' + ')}) % 10)) % 10)`;
}
