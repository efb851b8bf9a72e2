// Mesh metric and label names belong in lib/mesh/ only: a newcomer adding a mesh touches lib/mesh/
// and nothing else. This scans the app's source (not tests, not lib/mesh/, not scripts/) for them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['lib', 'app', 'components'];
const EXCLUDED_DIRS = ['lib/mesh'];

/** Istio's and Linkerd's metric and label names (and label matchers) that only lib/mesh may write. */
const MESH_NAMES = [
  'istio_',
  'reporter=',
  'response_code',
  'destination_service',
  'source_workload',
  'connection_security_policy',
  'request_total',
  'response_total',
  'response_latency_ms',
  'dst_deployment',
  'dst_namespace',
  'classification=',
  'pilot_',
  'citadel_',
  'envoy_',
  'tcp_open_connections',
  'identity_cert_',
  'issuer_cert_',
  'endpoints_subscribers',
];


function sourceFiles(dir: string): string[] {
  const rel = path.relative(ROOT, dir);
  if (EXCLUDED_DIRS.includes(rel)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.relative(ROOT, full)] : [];
  });
}

function meshNameHits(files: readonly string[], read: (file: string) => string): string[] {
  const hits: string[] = [];
  for (const file of files) {
    read(file)
      .split('\n')
      .forEach((line, i) => {
        const found = MESH_NAMES.filter((n) => line.includes(n));
        if (found.length > 0) hits.push(`${file}:${i + 1}: ${found.join(', ')}`);
      });
  }
  return hits;
}

const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d)));
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

describe('mesh names outside lib/mesh', () => {
  it('scans the app source', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('lib/graph/assemble.ts');
    expect(files.some((f) => f.startsWith('lib/mesh/'))).toBe(false);
  });

  it('finds none: every metric and label name comes from the mesh adapter', () => {
    expect(meshNameHits(files, read)).toEqual([]);
  });

  it('names the file and line of a hit', () => {
    expect(meshNameHits(['x.ts'], () => 'const a = 1;\nconst q = "istio_requests_total{reporter=\\"source\\"}";')).toEqual(['x.ts:2: istio_, reporter=']);
  });
});
