/**
 * The server's logger: JSON lines (pino) on stdout, level from LOG_LEVEL (default info, silent
 * under vitest unless LOG_LEVEL says otherwise). Personal data and SQL parameters never reach it:
 * fields named like contact details, credentials or statement parameters are redacted wherever
 * they sit, and errors are logged through describeError, which keeps the error's name, SQLSTATE and
 * the query's first words but drops pg's `detail` (it quotes the row's values) and Drizzle's
 * "params: …" (the statement's values). Server code only; it does not import 'server-only' because
 * the custom server and the scripts load it outside React's server bundle.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

const SENSITIVE_KEYS = [
  'email',
  'phone',
  'address',
  'shippingAddress',
  'firstName',
  'lastName',
  'password',
  'passwordHash',
  'secret',
  'token',
  'authorization',
  'Authorization',
  'cookie',
  'params',
  'parameters',
  'values',
  'detail',
];
/** Each key at the top and up to three levels down (pino's wildcards match one level each). */
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.VITEST ? 'silent' : 'info';
}

export function createLogger(destination?: DestinationStream, level = defaultLevel()): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: describeError, error: describeError },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

let current: Logger | undefined;

/** The process's logger. */
export function logger(): Logger {
  current ??= createLogger();
  return current;
}

/** Sends the logs to `destination` (tests read what would be written); returns the undo. */
export function logTo(destination: DestinationStream, level = 'info'): () => void {
  const previous = current;
  current = createLogger(destination, level);
  return () => {
    current = previous;
  };
}

// ——— Request ids ———

// On globalThis: the custom server (scripts/serve.ts) loads this module from source and Next's
// bundle has its own copy; both must see the same store for a route to read the server's id.
const globalForLog = globalThis as unknown as { comptoirRequestContext?: AsyncLocalStorage<{ requestId: string }> };
const requestContext = (globalForLog.comptoirRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

/** The caller's x-request-id when it is a sane token, else a new one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Runs `fn` with this request id, which errors logged anywhere inside it then carry. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/**
 * Logs an error nobody expected (a bug, a database failure) with the request's id, and returns
 * that id so the answer can show it: support finds the log line from what the user reads.
 */
export function logUnexpected(error: unknown, where: string, requestId = currentRequestId() ?? randomUUID()): string {
  logger().error({ requestId, where, err: error }, 'unexpected error');
  return requestId;
}

// ——— Errors without their data ———

export type LoggedError = {
  name: string;
  message: string;
  /** SQLSTATE for database errors, else the error's own code. */
  code?: string;
  /** The statement's first words ('insert into orders'), never its parameters. */
  query?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
};

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;
// A phone number: 8 or more digits, maybe with a leading +, spaces, dots, dashes or brackets.
const PHONE = /\+?\(?\d(?:[\s().-]*\d){7,}/g;
// pg quotes the values it complains about: invalid input syntax for type uuid: "…".
const QUOTED = /"[^"]*"|'[^']*'/g;

/** Text from an error message with the values it may quote taken out. */
export function scrubMessage(message: string): string {
  const withoutParams = message.split(/\r?\n\s*params:/i)[0];
  return withoutParams.replace(QUOTED, '"…"').replace(EMAIL, '[email]').replace(PHONE, '[number]').slice(0, 500);
}

/**
 * What a statement does and to which table, without its values: 'insert into orders',
 * 'update inventory_levels', 'select … from customers', else its first three words.
 */
export function queryName(sqlText: string): string {
  const text = sqlText.replace(/["`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const write = /^(insert into|update|delete from) ([\w.]+)/.exec(text);
  if (write) return `${write[1]} ${write[2]}`;
  const from = /^(?:select|with)\b.*?\bfrom ([\w.]+)/.exec(text);
  if (from) return `select … from ${from[1]}`;
  return text
    .split(' ')
    .slice(0, 3)
    .join(' ')
    .replace(/[,(].*$/, '');
}

/** What the log keeps of an error: identity and place, not the data it was about. */
export function describeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) {
    return { name: typeof error, message: typeof error === 'string' ? scrubMessage(error) : 'non-error value thrown' };
  }
  const e = error as Error & {
    code?: unknown;
    query?: unknown;
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
  };
  const query = typeof e.query === 'string' ? queryName(e.query) : undefined;
  // Drizzle's message is "Failed query: <the SQL>\nparams: <the values>": the SQL is told by `query`.
  const message = query && e.message.startsWith('Failed query') ? 'Failed query' : scrubMessage(e.message);
  // Drizzle's DrizzleQueryError leaves `name` at 'Error'.
  const name = e.name === 'Error' && e.constructor?.name ? e.constructor.name : e.name;
  const out: LoggedError = { name, message };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (query) out.query = query;
  for (const key of ['constraint', 'table', 'column'] as const) {
    const value = e[key];
    if (typeof value === 'string') out[key] = value;
  }
  const frames = e.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12);
  if (frames?.length) out.stack = frames.map((line) => line.trim()).join('\n');
  // Auth.js wraps the error it caught as `cause: { err }`.
  const wrapped =
    e.cause && typeof e.cause === 'object' && !(e.cause instanceof Error)
      ? (e.cause as { err?: unknown }).err
      : undefined;
  const cause = wrapped instanceof Error ? wrapped : e.cause;
  if (cause !== undefined && depth < 3) {
    out.cause = describeError(cause, depth + 1);
    out.code ??= out.cause.code;
  }
  return out;
}

/**
 * Makes console.error and console.warn calls that carry an Error (Next.js reports a failed render
 * or route that way, with the whole message: a Drizzle error's "params: …" included) go through
 * this logger, described without their data. Other calls print as before. For the server process.
 */
export function routeConsoleErrorsToLogger(): void {
  for (const method of ['error', 'warn'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      if (!error) return original(...args);
      const text = args
        .filter((a) => a !== error)
        .map((a) => (typeof a === 'string' ? scrubMessage(a) : ''))
        .join(' ')
        .trim();
      logger()[method]({ requestId: currentRequestId(), where: 'console', err: error }, text || 'error');
    };
  }
}
