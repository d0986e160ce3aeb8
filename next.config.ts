import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite loads its extensions (pg_trgm) from files next to its module; bundled, they go missing.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-copy-streams', 'pino'],
  poweredByHeader: false,
  // On everything Next serves, assets and 404s included; proxy.ts adds the CSP and HSTS.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
