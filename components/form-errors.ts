import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath, FieldValues, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Puts an action's field errors (ActionResult.fieldErrors: paths as the shared zod schema names
 * them, each with its messages) on the form's fields, as react-hook-form errors of type 'server',
 * and focuses the first wrong field on the page, as a failed check in the browser does. `rename`
 * maps a schema path to the form's own where they differ. Returns whether any error was set (else
 * the failure is not about a field).
 */
export function setServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string[]> | undefined,
  rename: (path: string) => string = (path) => path,
): boolean {
  let first: Element | null = null;
  let any = false;
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    if (path === '_' || messages.length === 0) continue;
    const name = rename(path);
    setError(name as FieldPath<T>, { type: 'server', message: messages[0] });
    any = true;
    // Registered controls carry their path as name; an error on a whole list has none.
    const element = document.getElementsByName(name)[0];
    if (element && (!first || first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING))
      first = element;
  }
  if (first instanceof HTMLElement) first.focus();
  return any;
}

/**
 * zodResolver over the action's own schema, for a form whose values carry more than the schema
 * reads (a line's product name and stock, for display): the values only have to fit the schema's
 * input, and the schema drops the rest. The handler receives the schema's output.
 */
export function schemaResolver<S extends z.ZodType, V extends FieldValues>(
  schema: S & (V extends z.input<S> ? unknown : never),
): Resolver<V, unknown, z.output<S>> {
  return zodResolver(schema as never) as unknown as Resolver<V, unknown, z.output<S>>;
}
