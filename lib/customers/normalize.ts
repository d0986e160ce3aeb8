import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** E.164 (+33612345678); national numbers are read as French. Null when it is not a phone number. */
export function normalizePhone(phone: string | null | undefined, defaultCountry: 'FR' = 'FR'): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}
