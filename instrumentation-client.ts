import { config } from 'zod/v4/core';

// Runs in the browser before the app. Zod compiles object schemas with `new Function` when eval is
// allowed and probes for it on first use; under the nonce CSP (proxy.ts) that probe is a reported
// violation, though zod catches it. Without eval in the browser, skip the probe.
config({ jitless: true });
