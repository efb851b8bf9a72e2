import { describe, expect, it } from 'vitest';
import { planRawQueries, type CountSample } from './bulk-queries';
import { planRecordedQuery, rawNeeds, readRecorded, sourcesOf } from './recorded-read';
import { sliHash } from '@/lib/slo/sli-hash';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { istioSli } from '@/lib/mesh';

const spec = (name: string, service = name, patch: Record<string, unknown> = {}): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d', ...patch });
const ALL = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];

/** The two recorded samples of one window, as Prometheus returns them for the plain selector. */
function recorded(s: SloSpec, window: string, ratio: number | null, events: number | null, hash = sliHash(s, istioSli)): CountSample[] {
  const labels = { slo: s.name, service: s.service, namespace: s.namespace, team: s.team, sli_hash: hash };
  const out: CountSample[] = [];
  if (ratio !== null) out.push({ labels: { __name__: `slo:sli_error:ratio_rate${window}`, ...labels }, value: ratio });
  if (events !== null) out.push({ labels: { __name__: `slo:sli_events:increase${window}`, ...labels }, value: events });
  return out;
}
const everyWindow = (s: SloSpec, ratio = 0.002, events = 1000) => ALL.flatMap((w) => recorded(s, w, ratio, events));

describe('planRecordedQuery', () => {
  it('is one query for every recorded window of every SLO, however many', () => {
    const specs = Array.from({ length: 300 }, (_, i) => spec(`slo-${i}`));
    const q = planRecordedQuery(specs);
    const names = ALL.flatMap((w) => [`slo:sli_error:ratio_rate${w}`, `slo:sli_events:increase${w}`]).sort();
    expect(q?.query).toBe(`{__name__=~"${names.join('|')}",slo=~"${specs.map((s) => s.name).sort().join('|')}",sli_hash!=""}`);
  });

  it('adds the windows of a custom policy and the SLO window, and nothing for no SLO', () => {
    const q = planRecordedQuery([spec('a', 'a', { window: '28d', policy: { alerts: [{ severity: 'page', longWindow: '2h', threshold: 10 }] } })]);
    // The policy records 10m and 2h, the SLO window 28d; 10m is a status window because the policy uses it.
    expect(q?.query).toContain('__name__=~"slo:sli_error:ratio_rate10m|slo:sli_error:ratio_rate28d|slo:sli_error:ratio_rate2h|slo:sli_events:increase10m|');
    expect(planRecordedQuery([])).toBeNull();
  });
});

describe('readRecorded', () => {
  const a = spec('a');
  it('reads every window from the recorded ratio and events', () => {
    const read = readRecorded(a, everyWindow(a, 0.002, 1000), istioSli);
    expect(read.rawWindows).toEqual([]);
    expect(read.recorded['30d']).toEqual({ bad: 2, total: 1000 });
    expect(sourcesOf(a, read)).toEqual(Object.fromEntries(ALL.map((w) => [w, 'recorded'])));
  });

  it.each<[string, CountSample[], 'recorded' | 'raw', { bad: number; total: number } | undefined]>([
    ['zero traffic: events 0, no ratio sample', recorded(a, '1h', null, 0), 'recorded', { bad: 0, total: 0 }],
    ['no events series', recorded(a, '1h', 0.5, null), 'raw', undefined],
    ['events without a ratio (no threshold bucket)', recorded(a, '1h', null, 10), 'raw', undefined],
    ['a NaN ratio', recorded(a, '1h', Number.NaN, 10), 'raw', undefined],
    ['series of an older definition (another sli_hash)', recorded(a, '1h', 0.5, 10, 'oldhash00000'), 'raw', undefined],
    ['series of another SLO', recorded(spec('b'), '1h', 0.5, 10), 'raw', undefined],
    ['nothing at all', [], 'raw', undefined],
  ])('1h with %s reads %s', (_what, samples, source, counts) => {
    const read = readRecorded(a, samples, istioSli);
    expect(sourcesOf(a, read)['1h']).toBe(source);
    expect(read.recorded['1h']).toEqual(counts);
  });

  it('leaves windows the rules do not record to the raw counters', () => {
    const custom = spec('c', 'c', { policy: { alerts: [{ severity: 'page', longWindow: '2h', threshold: 10 }] } });
    // A stray 5m series with the right hash (rules of another policy still loaded) is not read.
    const read = readRecorded(custom, [...ALL.flatMap((w) => recorded(custom, w, 0.001, 100)), ...recorded(custom, '10m', 0.001, 100)], istioSli);
    expect(read.rawWindows).toEqual(['5m', '30m', '1h', '6h', '1d', '3d']);
    expect(Object.keys(read.recorded).sort()).toEqual(['10m', '2h', '30d']);
  });
});

describe('the raw plan after the recorded read', () => {
  const fleet = Array.from({ length: 100 }, (_, i) => spec(`a${i}`, `svc${i}`));
  const latency = Array.from({ length: 20 }, (_, i) => spec(`l${i}`, `svc${i}`, { indicator: { type: 'latency', thresholdMs: 250 } }));
  const specs = [...fleet, ...latency];
  const rawAfter = (samples: CountSample[]) => planRawQueries(rawNeeds(specs, specs.map((s) => readRecorded(s, samples, istioSli))), istioSli);

  it('is empty when every SLO has every window recorded', () => {
    expect(rawAfter(specs.flatMap((s) => everyWindow(s)))).toEqual([]);
  });

  it('stays one query per missing window per kind, grouped over the SLOs missing it', () => {
    // Half the fleet recorded (rules loaded for them), the other half and all latency SLOs raw.
    const queries = rawAfter(fleet.slice(0, 50).flatMap((s) => everyWindow(s)));
    expect(queries).toHaveLength(16);
    const thirtyDays = queries.find((q) => q.id === 'availability:30d')?.query ?? '';
    expect(thirtyDays).toContain('svc50|');
    expect(thirtyDays).not.toContain('"svc0|');
  });

  it('asks only for the windows still missing: the 30d budget rule not evaluated yet', () => {
    const withoutMonth = specs.flatMap((s) => ALL.filter((w) => w !== '30d').flatMap((w) => recorded(s, w, 0, 10)));
    expect(rawAfter(withoutMonth).map((q) => q.id)).toEqual(['availability:30d', 'latency:30d']);
  });

  it('is the whole raw plan when nothing is recorded', () => {
    expect(rawAfter([])).toHaveLength(16);
  });
});
