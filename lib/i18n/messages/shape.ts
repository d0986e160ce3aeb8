/**
 * The shape of a catalogue derived from the English one: the same nested keys, each a string.
 * French is declared `as const satisfies MessagesShape<typeof en>`, so a missing or extra key
 * does not compile; lib/i18n/catalogue.test.ts checks that each French message takes the same
 * ICU arguments as its English source.
 */
export type MessagesShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessagesShape<T[K]> };
