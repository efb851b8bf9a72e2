// Runs once when the server starts. An invalid environment stops start-up with a message naming the
// variable. The exit is needed: Next.js 16 logs a throwing register() but keeps serving 500s.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getEnv } = await import('./lib/env');
    try {
      getEnv();
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
      return;
    }
    // Route handlers see no socket: stamp each request's address for the trusted-proxy check; the same
    // hook answers what no route may see and sets the API's security headers (lib/api/front-door.ts),
    // and hands the dashboards' hot GET routes to their handlers (lib/api/direct.ts).
    const { installPeerStamp } = await import('./lib/api/client');
    const { http } = getEnv();
    // Next.js serves them itself in development (it reloads edited routes) and when it compresses responses.
    const direct = http.development || http.compress ? {} : {
      '/api/services': async () => (await import('./app/api/services/route')).GET,
      '/api/panels/[dashboard]': async () => (await import('./app/api/panels/[dashboard]/route')).GET,
      '/api/panels/[dashboard]/[panel]': async () => (await import('./app/api/panels/[dashboard]/[panel]/route')).GET,
    };
    installPeerStamp(() => getEnv().http, direct);
    // A crash mid-sync leaves temporary rule files behind; clear them before the first sync writes more.
    const { removeStaleTemporaries } = await import('./lib/rules-sync/write');
    const removed = await removeStaleTemporaries(getEnv().rules.file).catch(() => []);
    if (removed.length > 0) console.log(`[rules-sync] removed ${removed.length} temporary file(s) left by a stopped process`);
    // Prometheus gets the rules of the stored SLOs even when nothing changes after a restart.
    const { requestRulesSync } = await import('./lib/rules-sync');
    void requestRulesSync();
  }
}
