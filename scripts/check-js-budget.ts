// `tsx scripts/check-js-budget.ts [distDir]`: after `next build`, prints each page's first-load
// JavaScript (gzip) and exits 1 when a page is over its budget. `npm test` runs it right after the build.
import path from 'node:path';
import { firstLoadJs, gzipSizer, overBudget, readBuild } from './js-budget';

const KB = 1024;

/**
 * Budgets in gzip bytes: issue 13's 150 KB per page. React DOM and the Next runtime alone are about
 * 134 KB and react-query's client (the layout's provider) about 9 KB, so a page's own first load has
 * only a few KB: page bodies load through next/dynamic (components/lazy-pages.tsx), still rendered on
 * the server with their data, and zod stays on the server (lib/queries/response-guards.ts).
 */
const DEFAULT_BUDGET = 150 * KB;
const BUDGETS: Record<string, number> = {};

const budgetFor = (route: string) => BUDGETS[route] ?? DEFAULT_BUDGET;

function main() {
  const distDir = path.resolve(process.argv[2] ?? process.env.MESHWATCH_DIST_DIR ?? '.next');
  const pages = firstLoadJs(readBuild(distDir), gzipSizer(distDir));
  if (pages.length === 0) throw new Error(`No pages found in ${distDir}: run next build first`);
  console.log(`${'page'.padEnd(24)} ${'first-load JS (gzip)'.padStart(22)} ${'budget'.padStart(10)}`);
  for (const page of pages) console.log(`${page.route.padEnd(24)} ${`${(page.gzipBytes / KB).toFixed(1)} KB`.padStart(22)} ${`${(budgetFor(page.route) / KB).toFixed(0)} KB`.padStart(10)}`);
  const over = overBudget(pages, budgetFor);
  for (const page of over) console.error(`${page.route}: ${(page.gzipBytes / KB).toFixed(1)} KB of first-load JavaScript is over its ${(page.budget / KB).toFixed(0)} KB budget`);
  process.exit(over.length > 0 ? 1 : 0);
}

main();
