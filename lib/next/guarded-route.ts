import 'server-only';
import { ZodError } from 'zod';
import { getDb, type Db } from '@/db/client';
import { apiError, apiErrorFrom } from '@/lib/http/api';
import type { Permission } from '@/lib/auth/permissions';
import { requireActor, type SessionContext } from '@/lib/next/session';

type GuardedRouteSpec<Q> = {
  permission: Permission;
  /** Reads the URL's query (a zod parse, or a lenient parser that falls back); a ZodError is a 400. */
  query: (params: URLSearchParams) => Q;
  /** The 400's message when `query` throws a ZodError; without it, the API's body with the fields. */
  invalidQuery?: string;
  run: (ctx: { actor: SessionContext; db: Db }, query: Q, request: Request) => Promise<Response>;
};

/**
 * A back-office route handler's edge in one place, as guardedAction is an action's: the session
 * and the permission first (a signed-out caller learns nothing about its query), then the query,
 * then one read; every thrown error becomes the JSON API's error answer, never a bare 500.
 */
export function guardedRoute<Q>(spec: GuardedRouteSpec<Q>) {
  return async (request: Request): Promise<Response> => {
    try {
      const actor = await requireActor(spec.permission);
      let query: Q;
      try {
        query = spec.query(new URL(request.url).searchParams);
      } catch (error) {
        if (error instanceof ZodError && spec.invalidQuery) return apiError('validation_failed', spec.invalidQuery);
        throw error;
      }
      return await spec.run({ actor, db: await getDb() }, query, request);
    } catch (error) {
      return apiErrorFrom(error);
    }
  };
}
