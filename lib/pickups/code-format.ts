/** Pickup codes as people read, type and scan them: no database, so pages and the browser may use it. */

/** How long a pickup code is: six digits, read aloud as two groups of three. */
export const PICKUP_CODE_LENGTH = 6;

/** A code as staff and customers see it: "482 913". */
export function formatPickupCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** A typed or scanned code back to its digits ("482 913", "482-913" → "482913"), or null if it is not one. */
export function parsePickupCode(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}
