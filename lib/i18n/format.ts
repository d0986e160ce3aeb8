import { INTL_LOCALE, type Locale } from './config';
import { countryName } from './country-name';

export type DateInput = Date | string | number;

/** Locale-bound formatters, the same on the server and in the browser (lib/next/i18n*.ts hand them out). */
export type Formatters = {
  /** Integer minor units (cents) → "€12.50" / "12,50 €"; the currency's own decimals (JPY has none). */
  formatMoney: (minorUnits: number, currency?: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A ratio (0.125) as a percentage ("12.5%"). */
  formatPercent: (ratio: number, maximumFractionDigits?: number) => string;
  /** A calendar date in the given time zone (default: the one formattersFor was given): "23 Nov 2026" / "23 nov. 2026"; `full` adds the weekday. */
  formatDate: (date: DateInput, timeZone?: string, dateStyle?: 'short' | 'medium' | 'long' | 'full') => string;
  /** Date and time in the given time zone (default: the one formattersFor was given): "23 Nov 2026, 14:05". */
  formatDateTime: (date: DateInput, timeZone?: string) => string;
  /** An ISO country code by its name in the reader's language: "DE" → "Germany" / "Allemagne". */
  formatCountry: (code: string) => string;
};

// Intl formatters are costly to build and lists format hundreds of cells: keep one per option set.
const formatterCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${tag}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(tag, options);
    formatterCache.set(key, f);
  }
  return f;
}

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${tag}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(tag, options);
    formatterCache.set(key, f);
  }
  return f;
}

function toDate(input: DateInput): Date {
  return input instanceof Date ? input : new Date(input);
}

const built = new Map<string, Formatters>();

/**
 * The formatters of a locale, built once. They format with INTL_LOCALE's tag (English with
 * European conventions), which is why they are not next-intl's `useFormatter`: that one formats
 * with the message locale ('en' → month/day, 12 h). `defaultTimeZone` is what dates are shown in
 * when the caller names no zone: the install's (lib/system/time-zone.ts).
 */
export function formattersFor(locale: Locale, defaultTimeZone: string): Formatters {
  const key = `${locale}|${defaultTimeZone}`;
  const cached = built.get(key);
  if (cached) return cached;
  const tag = INTL_LOCALE[locale];
  const formatters: Formatters = {
    formatMoney(minorUnits, currency = 'EUR') {
      const f = numberFormat(tag, { style: 'currency', currency });
      const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
      return f.format(minorUnits / 10 ** digits);
    },
    formatNumber(value, options = {}) {
      return numberFormat(tag, options).format(value);
    },
    formatPercent(ratio, maximumFractionDigits = 1) {
      return numberFormat(tag, { style: 'percent', maximumFractionDigits }).format(ratio);
    },
    formatDate(date, timeZone = defaultTimeZone, dateStyle = 'medium') {
      return dateFormat(tag, { dateStyle, timeZone }).format(toDate(date));
    },
    formatDateTime(date, timeZone = defaultTimeZone) {
      return dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(toDate(date));
    },
    formatCountry(code) {
      return countryName(code, locale);
    },
  };
  built.set(key, formatters);
  return formatters;
}
