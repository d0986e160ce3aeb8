import { sql } from 'drizzle-orm';
import { check, jsonb, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A channel's or a location's name per interface language, `{ "en": "Online shop", "fr":
 * "Boutique en ligne" }`, beside its canonical `name`: a language missing here shows `name`
 * (lib/i18n/local-name.ts is that rule). Optional: an operator's own names are never replaced.
 */
export type LocalNamesColumn = Partial<Record<string, string>>;

export function localNamesColumn() {
  return jsonb('names').$type<LocalNamesColumn>().notNull().default({});
}

/**
 * An object whose values are non-empty strings, so that `names ->> locale` is a name or null and
 * "the name shown" needs no second guess in SQL (an empty or non-string value would show nothing).
 */
export function localNamesCheck(table: string, names: AnyPgColumn) {
  return check(
    `${table}_names_are_strings`,
    sql`jsonb_typeof(${names}) = 'object' and not jsonb_path_exists(${names}, '$.* ? (@.type() != "string" || @ == "")')`,
  );
}
