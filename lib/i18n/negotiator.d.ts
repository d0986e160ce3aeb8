// negotiator ships no types (it comes with next-intl, which uses it the same way): the calls used
// here (lib/i18n/resolve-locale.ts) and in lib/next/brotli-static.ts.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The languages of Accept-Language, best first (quality, then order). */
    languages(): string[];
    /** Those of `available` that Accept-Encoding accepts, best first. */
    encodings(available: string[]): string[];
  }
}
