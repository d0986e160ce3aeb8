import { readFileSync } from 'node:fs';
import createNextIntlPlugin from 'next-intl/plugin';

// The same static security headers as lib/http/security-headers.ts (and the order lane) send.
const STATIC_SECURITY_HEADERS = JSON.parse(
  readFileSync(new URL('./lib/http/static-security-headers.json', import.meta.url), 'utf8'),
);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its extensions (pg_trgm) from files next to its module; bundled, they go missing.
  // pg-boss (instrumentation.ts starts the jobs) runs as is, on the app's own pg or PGlite.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-boss', 'pg-copy-streams', 'pino'],
  poweredByHeader: false,
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
