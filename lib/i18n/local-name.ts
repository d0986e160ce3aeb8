import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale } from './config';

/**
 * The name a channel or a location shows in the interface's language, written once in two forms
 * that must agree (local-name.test.ts checks them on the same rows): its name in that language
 * when the operator gave one (`names`, db/schema/local-names.ts), else its canonical `name`. No
 * locale means the canonical name: what exports and the channel API give to machines.
 */
export type LocalNames = Partial<Record<Locale, string>>;

/** The columns `name` and `names` of `channels` or `locations`, or of an alias of either. */
export type LocalNameColumns = { name: AnyColumn; names: AnyColumn };

/** names[locale] ?? name. */
export function localName(row: { name: string; names: LocalNames }, locale?: Locale): string {
  return (locale && row.names[locale]) ?? row.name;
}

/** localName in SQL. The table's check keeps every value of `names` a non-empty string, so `->>` is a name or null. */
export function localNameSql(t: LocalNameColumns, locale?: Locale): SQL<string> {
  return locale ? sql<string>`coalesce(${t.names} ->> ${locale}::text, ${t.name})` : sql<string>`${t.name}`;
}

/** The names an operator gives (a script's `--name-fr …`): a language of the interface to a name, trimmed, 120 characters at most. */
export const ZLocalNames = z.partialRecord(
  z.enum(LOCALES),
  z
    .string()
    .trim()
    .min(1, 'A name in a language cannot be empty.')
    .max(120, 'A name in a language has at most 120 characters.'),
  {
    // A key outside the languages is 'unrecognized_keys' at run time (typed 'invalid_key').
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'Names are given per language: { "en": "…", "fr": "…" }.'
        : `A name's language is one of the interface's: ${LOCALES.join(', ')}.`,
  },
);
