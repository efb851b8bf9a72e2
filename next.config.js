/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build beside the first (parallel e2e runs on one checkout); default `.next`.
  distDir: process.env.MESHWATCH_DIST_DIR || '.next',
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: ['prom-client', 'better-sqlite3'],
};

module.exports = nextConfig;
