/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its extensions (pg_trgm) from files next to its module; bundled, they go missing.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-copy-streams'],
  poweredByHeader: false,
};

export default nextConfig;
