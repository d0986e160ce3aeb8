import { isStructurallySame, parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './messages';

type Tree = { readonly [key: string]: string | Tree };

/** Every message as [dotted path, ICU text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const en = new Map(leaves(CATALOGUES.en));
const fr = new Map(leaves(CATALOGUES.fr));

describe('the message catalogues', () => {
  it('have the same keys in English and French', () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('are valid ICU messages', () => {
    const broken = [...en, ...fr].flatMap(([key, text]) => {
      try {
        parse(text);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  // TypeScript checks the English arguments at each t() call; this holds French to them: the same
  // names, each of the same kind (plain, number, plural, select…), so no call can leave a French
  // placeholder unfilled or hand a plural a string.
  it('take the same ICU arguments in French as in English', () => {
    const mismatches = [...en].flatMap(([key, source]) => {
      const result = isStructurallySame(parse(source), parse(fr.get(key) ?? ''));
      return result.success ? [] : [`${key}: ${result.error?.message}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('count in French as French does: 0 and 1 are singular', () => {
    const returned = (locale: 'en' | 'fr', units: number) =>
      new IntlMessageFormat(CATALOGUES[locale].orders.actions.returned, locale).format({ units, amount: '€9.00' });
    expect([0, 1, 2, 3].map((n) => returned('fr', n))).toEqual([
      'Retour enregistré : 0 unité, €9.00.',
      'Retour enregistré : 1 unité, €9.00.',
      'Retour enregistré : 2 unités, €9.00.',
      'Retour enregistré : 3 unités, €9.00.',
    ]);
    expect([0, 1, 2].map((n) => returned('en', n))).toEqual([
      'Return recorded: 0 units, €9.00.',
      'Return recorded: 1 unit, €9.00.',
      'Return recorded: 2 units, €9.00.',
    ]);
  });
});
