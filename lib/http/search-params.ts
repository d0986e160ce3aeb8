/** A page's search params as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

// NUL and the other C0 controls: PostgreSQL refuses NUL in text outright (an error, so a 500),
// and none of them belongs in a filter typed or shared by a person.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The params with control characters taken out of every value: what the page parsers read. */
export function cleanSearchParams(sp: SearchParams): SearchParams {
  const out: SearchParams = {};
  for (const [key, value] of Object.entries(sp)) {
    out[key] = Array.isArray(value) ? value.map((v) => v.replace(CONTROL, '')) : value?.replace(CONTROL, '');
  }
  return out;
}

/** A URL's query as Next.js hands a page its search params: a key given several times is an array. */
export function searchParamsOf(params: URLSearchParams): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The first value of a parameter given once or several times. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every parameter reduced to its first value, control characters out. */
export function firstValues(sp: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(cleanSearchParams(sp)).map(([k, v]) => [k, firstParam(v)]));
}
