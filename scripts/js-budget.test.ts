import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadJs, gzipSizer, overBudget, readBuild, routeOf } from './js-budget';

const SIZES: Record<string, number> = { 'main.js': 100, 'layout.js': 30, 'page-a.js': 7, 'page-b.js': 11, 'shared.js': 5 };
const size = (file: string) => SIZES[file] ?? Number.NaN;

describe('firstLoadJs', () => {
  it('sums root main files and every entry chunk of a page once', () => {
    const pages = firstLoadJs(
      {
        rootMainFiles: ['main.js'],
        pages: {
          '/page': { entryJSFiles: { '[project]/app/layout': ['main.js', 'layout.js'], '[project]/app/page': ['layout.js', 'page-a.js', 'shared.js'] } },
          '/slos/[name]/page': { entryJSFiles: { '[project]/app/layout': ['layout.js'], '[project]/app/slos/[name]/page': ['page-b.js', 'shared.js'] } },
        },
      },
      size,
    );
    // 100 + 30 + 7 + 5 and 100 + 30 + 11 + 5: layout.js and main.js count once although listed twice.
    expect(pages).toEqual([
      { route: '/', files: ['layout.js', 'main.js', 'page-a.js', 'shared.js'], gzipBytes: 142 },
      { route: '/slos/[name]', files: ['layout.js', 'main.js', 'page-b.js', 'shared.js'], gzipBytes: 146 },
    ]);
  });

  it('names routes from manifest keys', () => {
    expect(routeOf('/page')).toBe('/');
    expect(routeOf('/oncall/page')).toBe('/oncall');
    expect(routeOf('/slos/[name]/edit/page')).toBe('/slos/[name]/edit');
  });
});

describe('overBudget', () => {
  it('lists only pages above their budget', () => {
    const pages = [
      { route: '/', files: [], gzipBytes: 150 },
      { route: '/graph', files: [], gzipBytes: 151 },
    ];
    expect(overBudget(pages, () => 150)).toEqual([{ route: '/graph', files: [], gzipBytes: 151, budget: 150 }]);
    expect(overBudget(pages, (route) => (route === '/graph' ? 200 : 100))).toEqual([{ route: '/', files: [], gzipBytes: 150, budget: 100 }]);
  });
});

describe('readBuild and gzipSizer on a fake dist dir', () => {
  it('reads the manifests Next writes and gzips the chunks', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'js-budget-'));
    mkdirSync(path.join(dist, 'server/app/oncall'), { recursive: true });
    mkdirSync(path.join(dist, 'server/app/api/x'), { recursive: true });
    mkdirSync(path.join(dist, 'static/chunks'), { recursive: true });
    writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/main.js'] }));
    const manifest = (key: string, files: string[]) =>
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ entryJSFiles: { page: files } })};\n`;
    writeFileSync(path.join(dist, 'server/app/oncall/page_client-reference-manifest.js'), manifest('/oncall/page', ['static/chunks/oncall.js']));
    // Route handlers are not pages: a manifest under api/ is ignored.
    writeFileSync(path.join(dist, 'server/app/api/x/page_client-reference-manifest.js'), manifest('/api/x/page', ['static/chunks/oncall.js']));
    const main = 'console.log("main");'.repeat(50);
    const oncall = 'export const x = 1;';
    writeFileSync(path.join(dist, 'static/chunks/main.js'), main);
    writeFileSync(path.join(dist, 'static/chunks/oncall.js'), oncall);

    const build = readBuild(dist);
    expect(Object.keys(build.pages)).toEqual(['/oncall/page']);
    const [page] = firstLoadJs(build, gzipSizer(dist));
    expect(page?.route).toBe('/oncall');
    expect(page?.gzipBytes).toBe(gzipSync(main, { level: 9 }).length + gzipSync(oncall, { level: 9 }).length);
  });
});

describe('check-js-budget.ts', () => {
  /** A fake build whose one page loads `kb` KB of incompressible JavaScript (random bytes gzip to about their size). */
  function fakeBuild(kb: number): string {
    const dist = mkdtempSync(path.join(tmpdir(), 'js-budget-check-'));
    mkdirSync(path.join(dist, 'server/app/oncall'), { recursive: true });
    mkdirSync(path.join(dist, 'static/chunks'), { recursive: true });
    writeFileSync(path.join(dist, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/main.js'] }));
    writeFileSync(
      path.join(dist, 'server/app/oncall/page_client-reference-manifest.js'),
      `globalThis.__RSC_MANIFEST = {};\nglobalThis.__RSC_MANIFEST["/oncall/page"] = ${JSON.stringify({ entryJSFiles: { page: [] } })};\n`,
    );
    writeFileSync(path.join(dist, 'static/chunks/main.js'), randomBytes(kb * 1024));
    return dist;
  }
  const check = (dist: string) => spawnSync(path.resolve(__dirname, '../node_modules/.bin/tsx'), [path.join(__dirname, 'check-js-budget.ts'), dist], { encoding: 'utf8' });

  it('fails a page over issue 13\'s budget of 150 KB and passes one under it', () => {
    // gzip adds a few dozen bytes to random data: 151 KB is over 150 KB, 148 KB under it.
    const over = check(fakeBuild(151));
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/\/oncall: 151\.\d KB of first-load JavaScript is over its 150 KB budget/);
    const under = check(fakeBuild(148));
    expect(under.status).toBe(0);
    expect(under.stdout).toMatch(/\/oncall\s+148\.\d KB\s+150 KB/);
  }, 30_000);
});
