import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { toActionFailure, type ActionResult } from '@/lib/http/result';
import type { Permission } from '@/lib/auth/permissions';
import { requireActor, type SessionContext } from '@/lib/next/session';

type GuardedActionSpec<S extends z.ZodType, T> = {
  permission: Permission;
  schema: S;
  /** The location the input acts on, when the right is location-scoped and the input names it. */
  location?: (input: z.output<S>) => string | null | undefined;
  run: (ctx: { actor: SessionContext; db: Db }, input: z.output<S>) => Promise<T>;
  /** Paths to revalidate after a successful commit. */
  revalidate?: string[] | ((input: z.output<S>, result: T) => string[]);
};

/**
 * A server action's whole edge in one place: parse with zod (FormData or an object), load the
 * session, check the permission (and location) on the server, run one use case, revalidate,
 * and return a typed result — never a thrown error, never a 500 for bad input.
 */
export function guardedAction<S extends z.ZodType, T>(spec: GuardedActionSpec<S, T>) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const input = spec.schema.parse(raw instanceof FormData ? formDataToObject(raw) : raw);
      const actor = await requireActor(spec.permission, spec.location?.(input) ?? undefined);
      const data = await spec.run({ actor, db: await getDb() }, input);
      const paths = typeof spec.revalidate === 'function' ? spec.revalidate(input, data) : (spec.revalidate ?? []);
      for (const path of paths) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      return toActionFailure(error);
    }
  };
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}
