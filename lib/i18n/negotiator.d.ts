// negotiator ships no types (it comes with next-intl, which uses it the same way): the one call used here.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    /** The languages of Accept-Language, best first (quality, then order). */
    languages(): string[];
  }
}
