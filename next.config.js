import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import createNextIntlPlugin from 'next-intl/plugin';

// The same static security headers as lib/http/security-headers.ts (and the order lane) send.
const STATIC_SECURITY_HEADERS = JSON.parse(
  readFileSync(new URL('./lib/http/static-security-headers.json', import.meta.url), 'utf8'),
);

// next-intl formats messages with use-intl/format-message, which parses ICU strings with
// intl-messageformat (~9 KB gzip in every page's first load). The client providers get their
// messages compiled (lib/next/i18n.ts, getClientMessages), so the browser takes use-intl's
// format-only formatter, and the server a formatter that compiles its ICU strings first
// (lib/next/format-message.ts): next-intl's own "precompile" option, kept for TypeScript catalogues.
const formatOnly = `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve('use-intl/format-message/format-only')).replace(/\\/g, '/')}`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its extensions (pg_trgm) from files next to its module; bundled, they go missing.
  // pg-boss (instrumentation.ts starts the jobs) runs as is, on the app's own pg or PGlite.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-boss', 'pg-copy-streams', 'pino'],
  poweredByHeader: false,
  // A link a user reaches for prefetches its whole page (components/ui/link.tsx). What it brought
  // is kept 30 s, the shortest Next.js allows, not 5 minutes: back-office data moves.
  // Turbopack's default chunking merges chunks under 50 KB and counts a request as 200 KB of code,
  // so modules shared by a page's client components (next/link, the shell's parts) were copied
  // into several of its chunks: /orders downloaded next/link three times. Valuing a request at
  // 20 KB gives more, smaller chunks and ~20 KB less code (uncompressed) per page (bundle-size.ts).
  experimental: { staleTimes: { static: 30 }, turbopackChunking: { requestCost: 20000, minChunkSize: 5000 } },
  turbopack: {
    resolveAlias: {
      'use-intl/format-message': { browser: formatOnly, default: './lib/next/format-message.ts' },
    },
  },
  // On everything Next serves, assets and 404s included; proxy.ts adds the CSP and HSTS.
  async headers() {
    return [
      { source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
};

// next-intl finds its request configuration (locale, messages) there; see that file.
const withNextIntl = createNextIntlPlugin('./lib/next/i18n-request.ts');

export default withNextIntl(nextConfig);
