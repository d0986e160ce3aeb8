/**
 * The production server (`npm start`, after scripts/setup-db.ts): Next.js serves every page and
 * route, except order deliveries from channels (POST /api/v1/channels/{channel}/orders), which
 * this server answers itself with the same deliverOrder as the App Router route
 * (lib/next/order-lane.ts). On the hottest path of the app, Next's per-request machinery cost
 * more CPU than the order's own work (bench: orders.ingest). Both share one database handle.
 * That path skips whatever Next would run before a route (a proxy.ts, should one appear): what
 * such a step enforces must be enforced in deliverOrder too.
 *
 * The background jobs (lib/jobs: expiry, reminders, the outbox's dispatch) run in this process on
 * the same handle, unless JOBS=off; SIGTERM or SIGINT stops taking requests and jobs, lets the
 * running ones finish, then closes the database.
 *
 * The build's JavaScript and CSS go out brotli-compressed from memory (lib/next/brotli-static.ts),
 * ~13 % smaller than the gzip Next compresses on the fly; the rest is Next's as before.
 *
 *   PORT (default 3000), HOSTNAME (default all interfaces); NODE_ENV=production; JOBS (on|off).
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { getDatabase, getDb } from '../db/client';
import { startBrotliStatic } from '@/lib/next/brotli-static';
import { orderDeliveryChannel, serveOrderDelivery } from '@/lib/next/order-lane';
import { requestIdFrom, routeConsoleErrorsToLogger, withRequestId } from '../lib/log';
import { exitOnStartupProblems } from '../lib/system/startup';
import { startJobsInThisProcess, stopJobsInThisProcess } from '../lib/jobs/in-process';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

// Next.js logs a failed render with console.error and the whole error: through the logger, the
// error's data (a query's parameters) stays out of the log.
routeConsoleErrorsToLogger();

exitOnStartupProblems();

// Opened here first, so that the lane and Next's bundle use this one handle (see db/client.ts).
await getDatabase();
// Before Next's start: instrumentation.ts, run by app.prepare(), then finds this runner.
await startJobsInThisProcess(getDatabase);
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();
// The build's JavaScript and CSS, each brotli-compressed once, when first asked for (see that file).
const brotliStatic = startBrotliStatic(path.join(process.cwd(), '.next', 'static'));

const server = http.createServer((req, res) => {
  const channel = orderDeliveryChannel(req);
  if (channel !== null) return void serveOrderDelivery(getDb, channel, req, res);
  // One id per request, the caller's if it sent a sane one: in the answer, and on every log line
  // written while Next handles it.
  const requestId = requestIdFrom(req.headers['x-request-id'] as string | undefined);
  req.headers['x-request-id'] = requestId;
  res.setHeader('x-request-id', requestId);
  if (brotliStatic.serve(req, res)) return;
  withRequestId(requestId, () => void handle(req, res));
});
server.listen(port, hostname, () => console.log(`Comptoir listening on http://${hostname ?? 'localhost'}:${port}`));

async function stop() {
  server.close();
  server.closeAllConnections();
  await stopJobsInThisProcess();
  await app.close();
  await (await getDatabase()).close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
