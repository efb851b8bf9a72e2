// GET /api/mesh: the mesh detected from the metric names Prometheus holds, and that mesh's editor
// hints, so the SLO form offers Linkerd's names on a Linkerd mesh.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { meshInfoResponseSchema } from '@/lib/queries/schemas';
import { GET } from './route';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', server.url);
  vi.stubEnv('MESH', 'auto');
  // A Prometheus that holds only Linkerd's request counter.
  server.reply({ body: { status: 'success', data: ['request_total'] } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('GET /api/mesh', () => {
  it('names the detected mesh and gives its completion data and custom template', async () => {
    const res = await GET(new Request('http://meshwatch.test/api/mesh'));
    expect(res.status).toBe(200);
    const body = meshInfoResponseSchema.parse(await res.json());
    expect(body.kind).toBe('linkerd');
    expect(body.editor.metrics).toContain('response_total');
    expect(body.editor.metrics.some((m) => m.startsWith('istio_'))).toBe(false);
    expect(body.editor.customTemplate.errorQuery).toContain('classification="failure"');
    expect(body.editor.customTemplate.totalQuery).toContain('[{{window}}]');
    expect(server.requests.some((r) => r.url.startsWith('/api/v1/label/__name__/values'))).toBe(true);
  });
});
