/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Compressing every response took about half of the server's CPU with fifty viewers of a dashboard
  // (route handlers cannot send bodies compressed once: Next.js strips their Content-Encoding). The
  // reverse proxy or ingress in front of Meshwatch compresses; MESHWATCH_HTTP_COMPRESSION=on, read at
  // `next start`, has Next.js do it when browsers reach the server directly over a slow link.
  compress: process.env.MESHWATCH_HTTP_COMPRESSION === 'on',
  // A second build beside the first (parallel e2e runs on one checkout); default `.next`.
  distDir: process.env.MESHWATCH_DIST_DIR || '.next',
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: ['prom-client', 'better-sqlite3'],
};

module.exports = nextConfig;
