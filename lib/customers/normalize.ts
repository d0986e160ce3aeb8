import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { HOME_COUNTRY } from '@/lib/i18n/countries';

export function normalizeEmail(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/** E.164 (+33612345678); national numbers are read as the home country's. Null when it is not a phone number. */
export function normalizePhone(
  phone: string | null | undefined,
  defaultCountry: typeof HOME_COUNTRY = HOME_COUNTRY,
): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone.trim(), defaultCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * A stored phone number as people read it: national for the home country ("06 12 34 56 78"),
 * international otherwise ("+49 30 123456"). What is not a phone number is shown as stored.
 */
export function formatPhone(phone: string, homeCountry: typeof HOME_COUNTRY = HOME_COUNTRY): string {
  const parsed = parsePhoneNumberFromString(phone, homeCountry);
  if (!parsed) return phone;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}
