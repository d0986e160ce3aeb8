#!/usr/bin/env bash
# The server Playwright starts (playwright.config.ts → webServer): a production build on its own
# port, against a fresh embedded database migrated and seeded with the demo store. Never a
# PostgreSQL server: e2e tests sign in and write, and must not touch anyone's data.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-3100}"
export PORT
export NEXT_TELEMETRY_DISABLED=1
export NODE_ENV=production
unset DATABASE_URL
export PGLITE_DIR="$PWD/.data/e2e-$PORT"
# A fixed test value: stored sign-in states stay valid across runs of the same build.
export AUTH_SECRET="${E2E_AUTH_SECRET:-e2e-only-secret-not-for-production-0000000000}"

if [ ! -f .next/BUILD_ID ]; then
  echo "e2e-server: no production build in .next (run \`npm run test:e2e\`, which builds first)" >&2
  exit 1
fi

rm -rf "$PGLITE_DIR"
node_modules/.bin/tsx scripts/setup-db.ts
# Every job once before the tests start (what the server's jobs would do in their first minute):
# seeded holds already over expire, reminders due go out, and the seed's fresh messages are rendered
# for the development mailbox (no SMTP here). The server's own jobs then only see what tests do.
node_modules/.bin/tsx scripts/jobs-once.ts
# The production server, as `npm start` runs it, jobs included. exec: Playwright stops the server by its pid.
exec node_modules/.bin/tsx scripts/serve.ts
