import type { Locale } from '../config';
import { en } from './en';
import { fr } from './fr';
import type { MessagesShape } from './shape';

/**
 * A whole catalogue, typed as the English one: next-intl reads each message's ICU arguments from
 * its literal type. French has that shape with other strings (fr.ts `satisfies` it, and
 * catalogue.test.ts checks it takes the same arguments), hence the one cast below.
 */
export type Messages = typeof en;
/** A top-level namespace (`common`, `inventory`, `orders`…): the unit a client provider receives. */
export type Namespace = keyof Messages;

export const CATALOGUES: Record<Locale, Messages> = { en, fr: fr as MessagesShape<Messages> as Messages };

/** The given namespaces of a catalogue, for a client provider that needs no more. */
export function pickNamespaces<N extends Namespace>(messages: Messages, namespaces: readonly N[]): Pick<Messages, N> {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]])) as Pick<Messages, N>;
}
