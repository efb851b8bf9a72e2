// First-load JavaScript per page of a Next (Turbopack) build, from its manifests: the root main files of
// `build-manifest.json` plus every entry chunk that the page's client reference manifest lists (layout,
// boundaries, page). Chunks loaded later (`next/dynamic`, e.g. ECharts) are not in these lists. Pure
// apart from `readBuild`, so the summing is unit-tested on a small fake build.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface PageJs {
  /** The page's route, e.g. `/slos/[name]`. */
  route: string;
  /** Distinct chunk paths under the dist dir, e.g. `static/chunks/abc.js`. */
  files: string[];
  gzipBytes: number;
}

export interface BuildManifests {
  rootMainFiles: string[];
  /** Client reference manifests by their key (`/page`, `/slos/[name]/page`). */
  pages: Record<string, { entryJSFiles?: Record<string, string[]> }>;
}

/** `/page` -> `/`, `/slos/[name]/page` -> `/slos/[name]`. */
export function routeOf(manifestKey: string): string {
  const route = manifestKey.replace(/\/page$/, '');
  return route === '' ? '/' : route;
}

/** Each page's first-load chunks and their summed gzip size; `gzipSize` gives one file's gzip bytes. */
export function firstLoadJs(build: BuildManifests, gzipSize: (file: string) => number): PageJs[] {
  return Object.entries(build.pages)
    .map(([key, manifest]) => {
      const files = [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()])].sort();
      return { route: routeOf(key), files, gzipBytes: files.reduce((sum, file) => sum + gzipSize(file), 0) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Pages over their budget (bytes of gzip); `budgetFor` gives a page's budget by route. */
export function overBudget(pages: readonly PageJs[], budgetFor: (route: string) => number): Array<PageJs & { budget: number }> {
  return pages.map((page) => ({ ...page, budget: budgetFor(page.route) })).filter((page) => page.gzipBytes > page.budget);
}

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : manifestFiles(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

/** Reads a build's manifests from `distDir` (`.next`). */
export function readBuild(distDir: string): BuildManifests {
  const { rootMainFiles } = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  // Each manifest is a script assigning `globalThis.__RSC_MANIFEST[key]`; run it in an empty sandbox.
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: BuildManifests['pages'] } = {};
  sandbox.globalThis = sandbox;
  const context = vm.createContext(sandbox);
  for (const file of manifestFiles(path.join(distDir, 'server/app'))) vm.runInContext(readFileSync(file, 'utf8'), context);
  return { rootMainFiles, pages: sandbox.__RSC_MANIFEST ?? {} };
}

/** Gzip size of one built file, level 9 as a CDN would serve it; memoised per file. */
export function gzipSizer(distDir: string): (file: string) => number {
  const sizes = new Map<string, number>();
  return (file) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
}
