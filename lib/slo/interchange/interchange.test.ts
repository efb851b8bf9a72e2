import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportSlo } from './export';
import { importSlos } from './import';
import { ImportError } from './interchange';
import { counterToWindowQuery } from './openslo-indicator';
import { sloSpecSchema, type SloSpec } from '../spec';
import { istioSli, SLI_SOURCES } from '@/lib/mesh';

const spec = (patch: Record<string, unknown> = {}): SloSpec =>
  sloSpecSchema.parse({ name: 'checkout-availability', service: 'checkout', namespace: 'shop', team: 'payments', description: 'Checkout answers', indicator: { type: 'availability' }, objective: 99.9, window: '28d', ...patch });

const ROUND_TRIP: Array<[string, SloSpec]> = [
  ['availability', spec()],
  ['latency', spec({ name: 'checkout-latency', indicator: { type: 'latency', thresholdMs: 250 } })],
  ['custom with policy', spec({ name: 'checkout-custom', indicator: { type: 'custom', errorQuery: 'sum(increase(e[{{window}}]))', totalQuery: 'sum(increase(t[{{window}}]))' }, policy: { alerts: [{ severity: 'page', longWindow: '1h', threshold: 10 }] } })],
];

function problemsOf(text: string): string[] {
  try {
    importSlos(text, SLI_SOURCES);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as ImportError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  return expect.fail('expected an ImportError');
}

describe('OpenSLO v1', () => {
  it.each(ROUND_TRIP)('round-trips %s', (_name, s) => {
    const yaml = exportSlo(s, 'openslo', istioSli);
    expect(parse(yaml)).toMatchObject({ apiVersion: 'openslo/v1', kind: 'SLO', spec: { budgetingMethod: 'Occurrences', objectives: [{ target: 0.999 }] } });
    expect(importSlos(yaml, SLI_SOURCES)).toEqual({ specs: [s], warnings: [] });
  });

  it('imports a foreign SLO with an SLI referenced by name, over raw counters', () => {
    const text = `
apiVersion: openslo/v1
kind: SLI
metadata: { name: web-good-ratio }
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: Prometheus, spec: { query: 'sum(http_requests_total{job="web",code!~"5.."})' } } }
    total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="web"}' } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: web-availability, labels: { team: [web-team] } }
spec:
  service: web
  indicatorRef: web-good-ratio
  timeWindow: [{ duration: 1w, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.995 }]
`;
    const { specs, warnings } = importSlos(text, SLI_SOURCES);
    const total = 'sum(increase(http_requests_total{job="web"}[{{window}}]))';
    const good = 'sum(increase(http_requests_total{job="web",code!~"5.."}[{{window}}]))';
    expect(specs).toEqual([
      {
        name: 'web-availability',
        service: 'web',
        namespace: 'default',
        team: 'web-team',
        // Absent good series are no good events (good-total.ts): `good or total * 0`.
        indicator: { type: 'custom', errorQuery: `(${total}) - ((${good}) or (${total}) * 0)`, totalQuery: total },
        objective: 99.5,
        window: '7d',
      },
    ]);
    expect(warnings).toEqual(['web-availability: no namespace given; using "default"']);
  });

  it.each([
    ['budgetingMethod: Timeslices', 'Timeslices is not supported'],
    ['timeWindow: [{ duration: 1M, isRolling: true }]', 'months, quarters and years vary in length'],
    ['timeWindow: [{ duration: 7d, isRolling: false, calendar: { startTime: "2022-01-01 12:00:00", timeZone: UTC } }]', 'calendar windows are not supported'],
  ])('rejects %s', (line, message) => {
    const text = `apiVersion: openslo/v1
kind: SLO
metadata: { name: x }
spec:
  service: web
  indicator: { spec: { ratioMetric: { counter: true, bad: { metricSource: { spec: { query: e_total } } }, total: { metricSource: { spec: { query: t_total } } } } } }
  objectives: [{ target: 0.99 }]
  ${line.startsWith('timeWindow') ? line : `timeWindow: [{ duration: 7d, isRolling: true }]\n  ${line}`}
`;
    expect(problemsOf(text).join('\n')).toContain(message);
  });

  it.each([
    ['http_requests_total', 'sum(increase(http_requests_total[{{window}}]))'],
    ['sum(http_requests_total{code=~"5.."})', 'sum(increase(http_requests_total{code=~"5.."}[{{window}}]))'],
    ['sum by (job) (x{a="b"})', 'sum(increase(x{a="b"}[{{window}}]))'],
    ['sum(rate(x[5m]))', undefined],
    ['sum(a) / sum(b)', undefined],
  ])('turns counter query %s into %s', (query, expected) => {
    expect(counterToWindowQuery(query)).toBe(expected);
  });
});

describe('Sloth prometheus/v1', () => {
  it.each(ROUND_TRIP.slice(0, 2).flatMap(([name, s]) => SLI_SOURCES.map((source) => [`${name} on ${source.mesh}`, s, source] as const)))('round-trips %s with Sloth\'s 30-day period', (_name, s, source) => {
    const yaml = exportSlo(s, 'sloth', source);
    expect(yaml).toContain('--default-slo-period=28d');
    expect(yaml).toContain('[{{.window}}]');
    expect(importSlos(yaml, SLI_SOURCES).specs).toEqual([{ ...s, window: '30d' }]);
  });

  it('imports the documented example, rate() read as increase()', () => {
    const text = `
version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      page_alert: { labels: { severity: pageteam } }
`;
    const { specs, warnings } = importSlos(text, SLI_SOURCES);
    expect(specs).toEqual([
      {
        name: 'myservice-requests-availability',
        service: 'myservice',
        namespace: 'default',
        team: 'myteam',
        description: 'Common SLO based on availability for HTTP request responses.',
        indicator: {
          type: 'custom',
          errorQuery: 'sum(increase(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{window}}]))',
          totalQuery: 'sum(increase(http_request_duration_seconds_count{job="myservice"}[{{window}}]))',
        },
        objective: 99.9,
        window: '30d',
      },
    ]);
    expect(warnings).toHaveLength(2);
  });

  it('rejects raw SLIs and bad objectives, naming where', () => {
    const text = `version: prometheus/v1
service: s
slos:
  - { name: a, objective: 100, sli: { events: { error_query: 'x[{{.window}}]', total_query: 'y[{{.window}}]' } } }
  - { name: b, objective: 99, sli: { raw: { error_ratio_query: 'z' } } }
`;
    expect(problemsOf(text)).toEqual([
      'documents.0.slos.0.objective: must be below 100 (100% leaves no error budget)',
      'documents.0.slos.1.sli: raw error-ratio SLIs are not supported; use events',
    ]);
  });
});

describe('importSlos', () => {
  it('takes Meshwatch specs as JSON, several at once', () => {
    const a = spec();
    const b = spec({ name: 'other' });
    expect(importSlos(JSON.stringify([a, b]), SLI_SOURCES).specs).toEqual([a, b]);
  });

  it.each([
    ['', 'body: is empty'],
    ['{ not yaml: [', 'documents.0:'],
    ['kind: Deployment', 'documents.0: is neither an OpenSLO v1 SLO'],
    [JSON.stringify([spec(), spec()]), 'SLO checkout-availability appears more than once'],
  ])('rejects %j', (text, message) => {
    expect(problemsOf(text).join('\n')).toContain(message);
  });
});
