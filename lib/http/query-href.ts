export type QueryValue = string | number | readonly string[] | null | undefined;

/**
 * `base?key=value&…`, keys in the order given, leaving out what is empty or equal to its default
 * so that shared links stay short; a list is one value joined by commas (`?loc=a,b`). The list
 * pages build their links with it and their filter bars their URLs (components/<area>/list-url.ts),
 * so both write one format, which the pages' zod parsers read.
 */
export function queryHref(
  base: string,
  values: Readonly<Record<string, QueryValue>>,
  defaults: Readonly<Record<string, string | number>> = {},
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const text =
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : value?.join(',');
    if (!text || (key in defaults && text === String(defaults[key]))) continue;
    // A comma is allowed as is in a query, and a list of ids reads better with it.
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text).replaceAll('%2C', ',')}`);
  }
  return parts.length > 0 ? `${base}?${parts.join('&')}` : base;
}
