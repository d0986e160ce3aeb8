import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale';
import { formattersFor } from './format';

describe('resolveLocale', () => {
  it('prefers a valid cookie over the browser', () => {
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'en-US,en;q=0.9' })).toBe('fr');
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'fr-FR' })).toBe('en');
  });

  it('falls back to the best supported language of Accept-Language', () => {
    expect(resolveLocale({ acceptLanguage: 'fr-CA,fr;q=0.9,en;q=0.8' })).toBe('fr');
    expect(resolveLocale({ acceptLanguage: 'de-DE,fr;q=0.7,en;q=0.5' })).toBe('fr');
    expect(resolveLocale({ acceptLanguage: 'en-US,fr;q=0.9' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'en;q=0.5,fr;q=0.8' })).toBe('fr');
    expect(resolveLocale({ cookie: 'de', acceptLanguage: 'de-DE' })).toBe('en');
    expect(resolveLocale({ cookie: null, acceptLanguage: null })).toBe('en');
  });

  it('treats a malformed or wildcard header as no preference', () => {
    expect(resolveLocale({ acceptLanguage: '*' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'x-!!,;;' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'fr;q=0' })).toBe('en');
  });
});

describe('formattersFor', () => {
  const en = formattersFor('en', 'Europe/Paris');
  const fr = formattersFor('fr', 'Europe/Paris');

  it('formats money from minor units in the locale', () => {
    expect(en.formatMoney(123456)).toBe('€1,234.56');
    expect(fr.formatMoney(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(en.formatMoney(1500, 'JPY')).toBe('JP¥1,500');
  });

  it('formats dates in the time zone it was given by default', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z'); // already the 24th in Paris
    expect(en.formatDate(lateEvening)).toBe('24 Nov 2026');
    expect(en.formatDate(lateEvening, 'UTC')).toBe('23 Nov 2026');
    expect(fr.formatDateTime(lateEvening)).toContain('00:30');
  });

  it('formats numbers and percentages', () => {
    expect(fr.formatNumber(1234).replace(/\s/g, ' ')).toBe('1 234');
    expect(en.formatPercent(0.125)).toBe('12.5%');
  });
});
