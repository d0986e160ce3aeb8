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

/** A resolver whose schema arrives after the page; `preload()` starts fetching it (call it when the form mounts). */
export type LazyResolver<V extends FieldValues, O> = Resolver<V, unknown, O> & { preload: () => void };

/**
 * zodResolver over the action's own schema, both loaded after the page, so that zod, its resolver
 * and the schema stay out of the route's first-load JavaScript: `load` is a dynamic import of the
 * schema, e.g.
 * `lazySchemaResolver<typeof ZAdjustStockInput>(() => import('@/lib/inventory/schemas').then((m) => m.ZAdjustStockInput))`,
 * made once at module level. The form's values only have to fit the schema's input (a line may
 * carry its product name and stock, for display): the schema drops the rest, and the handler
 * receives its output. Call `preload()` in an effect when the form mounts; the first check waits
 * for it if it has not arrived. If it cannot load, the values go to the action unchecked: the
 * action parses them with the same schema and its field errors land on the fields.
 */
export function lazySchemaResolver<S extends z.ZodType, V extends FieldValues = z.input<S> & FieldValues>(
  load: () => Promise<S>,
): LazyResolver<V, z.output<S>> {
  type Checked = Resolver<V, unknown, z.output<S>>;
  let loading: Promise<Checked | null> | null = null;
  const get = () =>
    (loading ??= Promise.all([load(), import('@hookform/resolvers/zod')]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Checked,
      () => {
        loading = null;
        return null;
      },
    ));
  const resolver: Checked = async (values, context, options) => {
    const checked = await get();
    return checked ? checked(values, context, options) : { values: values as unknown as z.output<S>, errors: {} };
  };
  return Object.assign(resolver, { preload: () => void get() });
}

/**
 * A lazy resolver over what the form's values become (`toInput`: the request the action takes), for
 * a form that holds more or other than the request (every line of an order, with 0 for most). The
 * schema's errors keep the request's paths, so a field named as in the request gets its own.
 */
export function mapResolver<V extends FieldValues, W extends FieldValues, O>(
  resolver: LazyResolver<W, O>,
  toInput: (values: V) => W,
): LazyResolver<V, O> {
  const mapped: Resolver<V, unknown, O> = async (values, context, options) =>
    (await resolver(toInput(values), context, options as never)) as never;
  return Object.assign(mapped, { preload: resolver.preload });
}
