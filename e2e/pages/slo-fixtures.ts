// Shared data of e2e/slos.spec.ts: the fixture time, the tokens of the app under test, and helpers.
import { expect, type APIRequestContext } from '@playwright/test';
import { TEST_ANCHOR } from '../../scripts/simulator/fixture';

// 20 minutes into the payments hard outage (it starts 72h10m before the anchor and lasts 45 min,
// scripts/simulator/timeline.ts): 90% of payments' requests fail, so a 99.9% SLO pages.
export const OUTAGE_TIME = TEST_ANCHOR - (72 * 3600 + 10 * 60) + 20 * 60;
export const NAME = 'payments-availability';
// Tokens configured for the app under test in scripts/testing/e2e-server.ts.
export const EDITOR = { authorization: 'Bearer e2e-editor-token' };
export const VIEWER = { authorization: 'Bearer e2e-viewer-token' };

/** Creates a payments availability SLO as the editor token. */
export async function createViaApi(request: APIRequestContext, name: string) {
  const res = await request.post('/api/slos', {
    headers: EDITOR,
    data: { name, service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' },
  });
  expect(res.status()).toBe(201);
}

export const SLOTH_YAML = `version: "prometheus/v1"
service: "payments"
labels:
  owner: "payments"
slos:
  - name: "sloth-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(istio_requests_total{destination_service_name="payments",response_code=~"5.."}[{{.window}}]))
        total_query: sum(rate(istio_requests_total{destination_service_name="payments"}[{{.window}}]))
`;
