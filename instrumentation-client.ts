import type { $ZodConfig } from 'zod/v4/core';

// Runs in the browser before the app. Zod compiles object schemas with `new Function` when eval is
// allowed and probes for it when it builds one; under the nonce CSP (proxy.ts) that probe is a
// reported violation, though zod catches it. Without eval in the browser, skip the probe.
// Zod reads this object when it loads (documented in zod/v4/core's GlobalThisWithConfig), so setting
// it here costs no zod in a page's first load: zod arrives only with the forms that check with it.
const zod = globalThis as { __zod_globalConfig?: $ZodConfig };
Object.assign((zod.__zod_globalConfig ??= {}), { jitless: true });
