import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { createModel } from './model';
import { sampleTimes, writeHistory } from './openmetrics';

const DAY = 86_400;
const dir = mkdtempSync(path.join(tmpdir(), 'meshwatch-om-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sampleTimes', () => {
  it('uses 300 s before the last 4 days and 60 s within them, switching on a multiple of 300', () => {
    const to = TEST_ANCHOR + 60 * 7; // not a multiple of 300
    const times = sampleTimes(to - 6 * DAY, to);
    const steps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(new Set(steps)).toEqual(new Set([300, 60]));
    const switchAt = times[steps.indexOf(60)] ?? 0;
    expect(switchAt % 300).toBe(0);
    expect(to - switchAt).toBeGreaterThanOrEqual(4 * DAY);
    expect(to - switchAt).toBeLessThan(4 * DAY + 300);
    expect(times.at(-1)).toBe(to);
  });
});

describe('writeHistory', async () => {
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
  const outFile = path.join(dir, 'history.om');
  const from = model.timeline.find((e) => e.id === 'catalog-deploy')?.start ?? 0;
  const stats = await writeHistory({ model, from: from - 1800, to: from + 1800, outFile });
  const text = readFileSync(outFile, 'utf8');
  const lines = text.trimEnd().split('\n');

  it('reports what it wrote and ends with # EOF', () => {
    expect(lines.at(-1)).toBe('# EOF');
    expect(stats.lines).toBe(lines.length);
    expect(stats.bytes).toBe(Buffer.byteLength(text));
  });

  it('keeps families contiguous, counters named *_total under a family without it', () => {
    const typeLines = lines.filter((l) => l.startsWith('# TYPE '));
    const names = typeLines.map((l) => l.split(' ')[2]);
    expect(new Set(names).size).toBe(names.length);
    expect(typeLines).toContain('# TYPE istio_requests counter');
    expect(typeLines).toContain('# TYPE istio_request_duration_milliseconds histogram');
    expect(typeLines).toContain('# TYPE envoy_cluster_upstream_rq_retry unknown');
    let family = '';
    for (const line of lines) {
      if (line.startsWith('# TYPE ')) family = line.split(' ')[2] ?? '';
      else if (!line.startsWith('#')) expect(line.startsWith(family)).toBe(true);
    }
  });

  it('writes each series time-ascending on the 60 s grid with the model values', () => {
    const bySeries = new Map<string, number[]>();
    for (const line of lines) {
      if (line.startsWith('#')) continue;
      const cut = line.lastIndexOf(' ');
      const ts = Number(line.slice(cut + 1));
      const key = line.slice(0, line.lastIndexOf(' ', cut - 1));
      expect(ts % 60).toBe(0);
      bySeries.set(key, [...(bySeries.get(key) ?? []), ts]);
    }
    for (const times of bySeries.values()) expect(times).toEqual([...times].sort((a, b) => a - b));
    const requests = model.families.find((f) => f.name === 'istio_requests_total')?.series[0];
    const sample = lines.find((l) => l.startsWith('istio_requests_total{') && l.endsWith(` ${from}`));
    expect(sample?.split(' ').at(-2)).toBe(String(requests?.value(from)));
  });

  it('ends catalog v1 series at the deployment and starts v2 at 0 there', () => {
    const v1 = lines.filter((l) => l.startsWith('istio_requests_total{') && l.includes('destination_workload="catalog"') && l.includes('destination_canonical_revision="v1"'));
    const v2 = lines.filter((l) => l.startsWith('istio_requests_total{') && l.includes('destination_workload="catalog"') && l.includes('destination_canonical_revision="v2"'));
    expect(Math.max(...v1.map((l) => Number(l.split(' ').at(-1))))).toBe(from);
    expect(v2.filter((l) => l.endsWith(` ${from}`)).every((l) => l.split(' ').at(-2) === '0')).toBe(true);
  });
});
