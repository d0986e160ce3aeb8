import { INTL_LOCALE, type Locale } from './config';
import type { en } from './messages/en';

type Source = typeof en;
export type MessageKey = keyof Source;
/** A catalogue: every English key, each a string (French is typed as this). */
export type Messages = { readonly [K in MessageKey]: string };

/** The `{placeholder}` names in an English message, as a union of string literals. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

export type TranslateVars = Record<string, string | number>;
/** Arguments after the key: none for a plain message, the exact placeholders otherwise. */
export type TranslateArgs<K extends MessageKey> = [PlaceholdersOf<Source[K]>] extends [never]
  ? [vars?: TranslateVars]
  : [vars: Record<PlaceholdersOf<Source[K]>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

export type DateInput = Date | string | number;

export type I18n = {
  locale: Locale;
  t: Translate;
  /** Integer minor units (cents) → "€12.50" / "12,50 €"; the currency's own decimals (JPY has none). */
  formatMoney: (minorUnits: number, currency?: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A ratio (0.125) as a percentage ("12.5%"). */
  formatPercent: (ratio: number, maximumFractionDigits?: number) => string;
  /** A calendar date in the given time zone (default: the one createI18n was given): "23 Nov 2026" / "23 nov. 2026"; `full` adds the weekday. */
  formatDate: (date: DateInput, timeZone?: string, dateStyle?: 'short' | 'medium' | 'long' | 'full') => string;
  /** Date and time in the given time zone (default: the one createI18n was given): "23 Nov 2026, 14:05". */
  formatDateTime: (date: DateInput, timeZone?: string) => string;
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

export function interpolate(template: string, vars?: TranslateVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * Builds the translator and formatters for one locale; used by the server helper and the client provider alike.
 * `defaultTimeZone` is what dates are shown in when the caller names no zone: the install's (lib/system/time-zone.ts).
 */
export function createI18n(locale: Locale, messages: Messages, defaultTimeZone: string): I18n {
  const tag = INTL_LOCALE[locale];
  const t = ((key: MessageKey, vars?: TranslateVars) => interpolate(messages[key] ?? key, vars)) as Translate;
  return {
    locale,
    t,
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
  };
}
