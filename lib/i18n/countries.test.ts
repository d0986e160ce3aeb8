import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, HOME_COUNTRY, countryName, countryOptions, isCountryCode } from './countries';
import { formattersFor } from './format';

describe('countries', () => {
  it('lists each ISO 3166-1 code once, each with a name in both languages', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES).toHaveLength(249);
    for (const code of COUNTRY_CODES) {
      expect(countryName(code, 'en')).not.toBe(code);
      expect(countryName(code, 'fr')).not.toBe(code);
    }
  });

  it('names a country in the reader’s language, and leaves what is not a code as it is', () => {
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('fr', 'en')).toBe('France');
    expect(countryName('Narnia', 'en')).toBe('Narnia');
    expect(formattersFor('fr', 'Europe/Paris').formatCountry('BE')).toBe('Belgique');
  });

  it('offers the home country first, then the others by name', () => {
    const options = countryOptions('fr');
    expect(options[0]).toEqual({ code: HOME_COUNTRY, name: 'France' });
    expect(options).toHaveLength(COUNTRY_CODES.length);
    const rest = options.slice(1).map((o) => o.name);
    expect(rest).toEqual([...rest].sort(new Intl.Collator('fr').compare));
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('ZZ')).toBe(false);
  });
});
