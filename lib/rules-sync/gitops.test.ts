// Without MESHWATCH_RULES_FILE nothing is written: the rules are offered for GitOps instead.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GET as getRules } from '@/app/api/rules/route';
import { POST as create } from '@/app/api/slos/route';
import { closedPort } from '@/lib/prometheus/scripted-server';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { getRulesSyncer, requestRulesSync } from './index';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-gitops-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  vi.stubEnv('PROMETHEUS_URL', `http://127.0.0.1:${await closedPort()}`);
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor');
});
afterAll(() => {
  setSloStore(undefined)?.close();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('gitops mode', () => {
  it('saves SLOs, writes no file, and offers every SLO as PrometheusRule resources', async () => {
    const spec = (name: string, service: string) => ({ name, service, namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
    for (const s of [spec('cart-availability', 'cart'), spec('catalog-availability', 'catalog')]) {
      const res = await create(new Request('http://meshwatch.test/api/slos', { method: 'POST', headers: { authorization: 'Bearer editor-token-123', 'content-type': 'application/json' }, body: JSON.stringify(s) }));
      expect(res.status).toBe(201);
    }
    await requestRulesSync();
    expect(getRulesSyncer()).toBeNull();
    expect(readdirSync(dir)).toEqual(['slos.db', ...readdirSync(dir).filter((f) => f.startsWith('slos.db-'))]);
    expect(await (await getRules(new Request('http://meshwatch.test/api/rules'))).json()).toEqual({ mode: 'gitops', lastSync: null, groups: 7 });
    const bundle = await (await getRules(new Request('http://meshwatch.test/api/rules?format=prometheusrule'))).text();
    const docs = parseAllDocuments(bundle).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    expect(docs.map((d) => [d.kind, d.metadata.name])).toEqual([
      ['PrometheusRule', 'slo-cart-availability'],
      ['PrometheusRule', 'slo-catalog-availability'],
      ['PrometheusRule', 'meshwatch-mesh-health'],
    ]);
  });
});
