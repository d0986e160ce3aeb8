import { describe, expect, it } from 'vitest';
import { resolveLocale } from './config';
import { createI18n } from './core';
import { CATALOGUES } from './messages';
import { en } from './messages/en';

describe('resolveLocale', () => {
  it('prefers a valid cookie over the browser', () => {
    expect(resolveLocale('fr', 'en-US,en;q=0.9')).toBe('fr');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
  });

  it('falls back to the best supported language of Accept-Language', () => {
    expect(resolveLocale(undefined, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(resolveLocale(undefined, 'de-DE,fr;q=0.7,en;q=0.5')).toBe('fr');
    expect(resolveLocale(undefined, 'en-US,fr;q=0.9')).toBe('en');
    expect(resolveLocale('de', 'de-DE')).toBe('en');
    expect(resolveLocale(null, null)).toBe('en');
  });
});

describe('createI18n', () => {
  const enI18n = createI18n('en', CATALOGUES.en, 'Europe/Paris');
  const frI18n = createI18n('fr', CATALOGUES.fr, 'Europe/Paris');

  it('translates and interpolates', () => {
    expect(enI18n.t('login.email')).toBe('Email');
    expect(frI18n.t('login.password')).toBe('Mot de passe');
    expect(enI18n.t('dashboard.greeting', { name: 'Camille' })).toBe('Welcome, Camille');
  });

  it('formats money from minor units in the locale', () => {
    expect(enI18n.formatMoney(123456)).toBe('€1,234.56');
    expect(frI18n.formatMoney(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(enI18n.formatMoney(1500, 'JPY')).toBe('JP¥1,500');
  });

  it('formats dates in the time zone it was given by default', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z'); // already the 24th in Paris
    expect(enI18n.formatDate(lateEvening)).toBe('24 Nov 2026');
    expect(enI18n.formatDate(lateEvening, 'UTC')).toBe('23 Nov 2026');
    expect(frI18n.formatDateTime(lateEvening)).toContain('00:30');
  });

  it('has the same keys in every catalogue', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    }
  });
});
