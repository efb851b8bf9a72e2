/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: ['prom-client', 'better-sqlite3'],
};

module.exports = nextConfig;
