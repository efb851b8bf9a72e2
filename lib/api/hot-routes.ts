// The GET routes every viewer of a dashboard asks for, whose answers depend only on the URL and the
// caller's identity: the front door (client.ts) coalesces identical ones in flight (coalesce.ts) and,
// in production, hands them to their route handlers itself (direct.ts).

export type HotRouteName = '/api/services' | '/api/panels/[dashboard]' | '/api/panels/[dashboard]/[panel]';

interface HotRoute {
  /** The route's pattern, as apiHandler and the metrics name it. */
  route: HotRouteName;
  pattern: RegExp;
  /** The dynamic segments the pattern's groups capture, in order. */
  params: string[];
}

const HOT_ROUTES: HotRoute[] = [
  { route: '/api/services', pattern: /^\/api\/services$/, params: [] },
  { route: '/api/panels/[dashboard]', pattern: /^\/api\/panels\/([^/]+)$/, params: ['dashboard'] },
  { route: '/api/panels/[dashboard]/[panel]', pattern: /^\/api\/panels\/([^/]+)\/([^/]+)$/, params: ['dashboard', 'panel'] },
];

/**
 * The hot route serving `path` (a request's path, without its query) and its dynamic segments, decoded
 * as Next.js decodes them; undefined for any other path, or one whose %-escapes do not decode.
 */
export function hotRoute(path: string): { route: HotRouteName; params: Record<string, string> } | undefined {
  for (const { route, pattern, params } of HOT_ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    try {
      return { route, params: Object.fromEntries(params.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)])) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
