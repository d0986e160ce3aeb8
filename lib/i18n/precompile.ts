import compile from 'icu-minify/compile';
import type { CompiledMessage } from 'icu-minify/format';

/** A catalogue subtree whose ICU messages are compiled (icu-minify's form), same keys and nesting. */
export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree };

const compiledMessages = new Map<string, CompiledMessage>();

/**
 * One ICU message in icu-minify's compiled form (plain text stays a string; arguments, plurals and
 * selects become small arrays), cached: the catalogue is a fixed set of strings.
 */
export function compileMessage(message: string): CompiledMessage {
  let compiled = compiledMessages.get(message);
  if (compiled === undefined) {
    compiled = plain(compile(message));
    compiledMessages.set(message, compiled);
  }
  return compiled;
}

/**
 * icu-minify keeps a plural's or select's options in objects without a prototype, which React
 * refuses to pass from a server component to a client one: the same data as plain objects.
 */
function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)])) as T;
  }
  return value;
}

type Tree = { readonly [key: string]: string | Tree };

/**
 * A catalogue subtree with every message compiled, for the browser: it formats compiled messages
 * with next-intl's format-only formatter (next.config.js), without the ICU parser
 * (intl-messageformat, ~9 KB gzip of every page's first-load JavaScript).
 */
export function compileTree(tree: Tree): CompiledTree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? compileMessage(value) : compileTree(value),
    ]),
  );
}
