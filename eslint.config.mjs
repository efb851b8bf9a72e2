import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Layers (STYLE.md, "Where the layout is heading"): the pure cores import nothing that does I/O or
  // renders, and dependencies point one way: app -> lib/api, lib/slo-engine, lib/graph, lib/dashboards
  // -> lib/mesh, lib/prometheus, lib/store -> lib/slo, lib/health, lib/promql.
  ...pureLayer(['lib/promql/**'], []),
  ...pureLayer(['lib/health/**'], ['@/lib/mesh', '@/lib/mesh/*', '@/lib/slo', '@/lib/slo/*']),
  ...pureLayer(['lib/slo/**'], ['@/lib/mesh', '@/lib/mesh/*', '@/lib/health', '@/lib/health/*']),
  ...pureLayer(['lib/mesh/**'], []),
];

/** A pure layer: no Next, React, Node I/O, server-only, nor any server-side or UI module of ours. */
function pureLayer(files, extra) {
  const forbidden = [
    'next', 'next/*', 'react', 'react-dom', 'server-only', 'node:*', 'fs', 'child_process',
    '@/lib/prometheus', '@/lib/prometheus/*', '@/lib/store', '@/lib/store/*', '@/lib/slo-engine', '@/lib/slo-engine/*',
    '@/lib/api', '@/lib/api/*', '@/lib/env', '@/lib/mesh-detected', '@/lib/graph', '@/lib/graph/*',
    '@/lib/dashboards', '@/lib/dashboards/*', '@/lib/rules-sync', '@/lib/rules-sync/*', '@/lib/queries', '@/lib/queries/*',
    '@/lib/auth', '@/lib/auth/*', '@/lib/metrics', '@/lib/metrics/*', '@/components/*', '@/app/*',
    ...extra,
  ];
  return [
    {
      files: files.map((f) => `${f}/*.ts`),
      ignores: ['**/*.test.ts', '**/*.int.test.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: 'Pure layer: see eslint.config.mjs (layers) and STYLE.md.' }] }],
      },
    },
  ];
}

export default config;
