import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { startLiveServer } from './live';
import { createModel } from './model';
import { formatLabels } from './openmetrics';

const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
const NOW = TEST_ANCHOR + 123; // after every scripted event but the ongoing slow burn
const server = await startLiveServer({ model, port: 0, now: () => NOW });
afterAll(() => server.close());

describe('live server', async () => {
  const res = await fetch(server.url);
  const body = await res.text();
  const lines = body.split('\n');

  it('serves Prometheus text on loopback', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('types counters as counters and histograms as histograms', () => {
    expect(lines).toContain('# TYPE istio_requests_total counter');
    expect(lines).toContain('# TYPE istio_request_duration_milliseconds histogram');
    expect(lines).toContain('# TYPE pilot_xds gauge');
  });

  it('exposes exactly the model value at scrape time for every live series', () => {
    const exposed = new Map<string, string>();
    for (const line of lines) {
      if (line === '' || line.startsWith('#')) continue;
      const cut = line.lastIndexOf(' ');
      exposed.set(line.slice(0, cut), line.slice(cut + 1));
    }
    let checked = 0;
    for (const family of model.families) {
      for (const s of family.series) {
        const key = `${s.name}${formatLabels(s.labels)}`;
        if (NOW >= s.start && NOW < s.end) {
          expect(exposed.get(key), key).toBe(String(s.value(NOW)));
          checked++;
        } else {
          expect(exposed.has(key), key).toBe(false);
        }
      }
    }
    expect(checked).toBe(exposed.size);
  });

  it('no longer exposes the old catalog revision', () => {
    expect(body).not.toMatch(/destination_workload="catalog"[^\n]*destination_canonical_revision="v1"/);
    expect(body).toMatch(/destination_workload="catalog"[^\n]*destination_canonical_revision="v2"/);
  });

  it('answers 404 elsewhere', async () => {
    expect((await fetch(server.url.replace('/metrics', '/nope'))).status).toBe(404);
  });
});
