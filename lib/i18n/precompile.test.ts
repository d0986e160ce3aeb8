import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatFull from 'use-intl/format-message';
import formatCompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './config';
import { CATALOGUES } from './messages';
import { compileMessage, compileTree } from './precompile';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

type Arg = { name: string; kind: 'text' | 'number' | 'date' | 'count' | 'choice'; options: string[] };

/** The arguments a message takes, with the choices of its selects. */
function argsOf(elements: MessageFormatElement[], found = new Map<string, Arg>()): Map<string, Arg> {
  for (const el of elements) {
    if (el.type === TYPE.argument)
      found.set(el.value, found.get(el.value) ?? { name: el.value, kind: 'text', options: [] });
    if (el.type === TYPE.number) found.set(el.value, { name: el.value, kind: 'number', options: [] });
    if (el.type === TYPE.date || el.type === TYPE.time)
      found.set(el.value, { name: el.value, kind: 'date', options: [] });
    if (el.type === TYPE.plural) found.set(el.value, { name: el.value, kind: 'count', options: [] });
    if (el.type === TYPE.select)
      found.set(el.value, { name: el.value, kind: 'choice', options: Object.keys(el.options) });
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argsOf(option.value, found);
    }
    if (el.type === TYPE.tag) argsOf(el.children, found);
  }
  return found;
}

const COUNTS = [0, 1, 2, 21, 1234];

/** Enough values to go through every plural form and select choice of a message. */
function sampleValues(args: Arg[]): Record<string, string | number | Date>[] {
  const rounds = Math.max(COUNTS.length, ...args.map((a) => a.options.length + 1));
  return Array.from({ length: rounds }, (_, round) =>
    Object.fromEntries(
      args.map((arg) => {
        switch (arg.kind) {
          case 'number':
            return [arg.name, 1234.5 + round];
          case 'count':
            return [arg.name, COUNTS[round % COUNTS.length]];
          case 'date':
            return [arg.name, new Date(Date.UTC(2026, 11, 6, 22, 30 + round))];
          case 'choice':
            return [arg.name, arg.options[round] ?? 'unlisted'];
          default:
            return [arg.name, `Lyon ${round}`];
        }
      }),
    ),
  );
}

describe('precompiled messages', () => {
  for (const locale of LOCALES) {
    it(`format as the ICU strings do, every ${locale} message with every plural form and choice`, () => {
      const cache = _createCache();
      const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: 'Europe/Paris' };
      const messages = leaves(CATALOGUES[locale]);
      expect(messages.length).toBeGreaterThan(500);
      let checked = 0;
      for (const [key, message] of messages) {
        for (const values of sampleValues([...argsOf(parse(message)).values()])) {
          const expected = formatFull(key, message, values, options);
          expect(
            formatCompiled(key, compileMessage(message), values, options),
            `${key} ${JSON.stringify(values)}`,
          ).toEqual(expected);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(messages.length);
    });
  }

  it('compile a message that is plain text to itself, so compiling it again changes nothing', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of leaves(CATALOGUES[locale])) {
        const compiled = compileMessage(message);
        if (typeof compiled === 'string') expect(compiled, key).toBe(message);
      }
    }
    expect(compileMessage('{count, plural, one {# unit} other {# units}}')).toEqual([
      ['count', 2, { one: [0, ' unit'], other: [0, ' units'] }],
    ]);
  });

  it('are plain arrays and objects, which a server component may pass to a client one', () => {
    const compiled = compileMessage('{n, plural, =0 {none} one {# unit} other {# units}} at {place}');
    const prototypes = (value: unknown): unknown[] =>
      value !== null && typeof value === 'object'
        ? [Object.getPrototypeOf(value), ...Object.values(value).flatMap(prototypes)]
        : [];
    expect(new Set(prototypes(compiled))).toEqual(new Set([Array.prototype, Object.prototype]));
  });

  it('keep the keys and nesting of a catalogue subtree', () => {
    const tree = compileTree({ a: 'Hello', b: { c: 'Hi {name}' } });
    expect(tree).toEqual({ a: 'Hello', b: { c: ['Hi ', ['name']] } });
  });
});
