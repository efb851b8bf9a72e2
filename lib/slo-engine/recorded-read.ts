import { matchers } from '@/lib/promql';
import type { CountQuery, CountSample, RawNeed } from './bulk-queries';
import { SLI_HASH_LABEL, errorRatioRecord, eventsRecord, recordedWindows } from '@/lib/slo/rules/rules';
import { REGION_LABEL } from '@/lib/slo/rules/region-rules';
import { sliHash } from '@/lib/slo/sli-hash';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { statusWindows, type WindowCounts } from '@/lib/slo/status';
import type { ReadSource } from '@/lib/slo/status-schema';

// Reading the series the generated recording rules keep (rules.ts): a 30-day window then costs one
// sample instead of a month of raw counters. One query fetches every recorded window of every SLO;
// each SLO and window whose series is absent at that instant (rules not loaded yet, window not in
// the policy, a series from an older definition) falls back to the raw counters. Pure.
//
// A recorded value is the raw value at the instant its rule group last ran: Prometheus evaluates each
// group at a fixed offset within its interval, so at `time` a value is up to one interval old (1m for
// the alert windows, 5m for the SLO window), as in every alert Prometheus fires from these rules.
// Plain selectors return a series only while its last sample is within the lookback (5m) and not
// marked stale, which is what "present at that instant" means here.

export const RECORDED_QUERY_ID = 'recorded';
const NAME = '__name__';

/** Windows of the spec's status that its recording rules cover. */
export function coveredWindows(spec: SloSpec): string[] {
  const recorded = new Set(recordedWindows(spec));
  return statusWindows(spec).filter((w) => recorded.has(w));
}

/**
 * The one query for all recorded series of `specs`, whatever their number: the ratio and events
 * records of every covered window, selected by SLO name (plain selectors keep `__name__`, which tells
 * the records apart). Null when no spec has a covered window.
 */
export function planRecordedQuery(specs: readonly SloSpec[]): CountQuery | null {
  const windows = [...new Set(specs.flatMap(coveredWindows))];
  if (windows.length === 0) return null;
  const names = windows.flatMap((w) => [errorRatioRecord(w), eventsRecord(w)]).sort();
  const slos = [...new Set(specs.map((s) => s.name))].sort();
  const selector = matchers({ [NAME]: ['=~', { literal: names }], slo: ['=~', { literal: slos }], [SLI_HASH_LABEL]: ['!=', ''] });
  return { id: RECORDED_QUERY_ID, query: selector };
}

export interface SpecRead {
  /** Counts of the windows read from recorded series. */
  recorded: Record<string, WindowCounts>;
  /** Windows left to the raw counters. */
  rawWindows: string[];
}

/**
 * Splits one spec's status windows between recorded series and raw counters. A window is recorded
 * when the events series of the spec's current definition is there, and either its ratio is there
 * too or there were no events (the ratio rule keeps no sample without traffic: null, as raw gives).
 * Events without a ratio otherwise (a latency threshold that is not a bucket) go raw, which explains.
 */
export function readRecorded(spec: SloSpec, samples: readonly CountSample[], source: SliSource): SpecRead {
  const hash = sliHash(spec, source);
  // A perRegion SLO also records per region (a `region` label); the status's top level is the all-regions series.
  const mine = samples.filter((s) => s.labels.slo === spec.name && s.labels[SLI_HASH_LABEL] === hash && !s.labels[REGION_LABEL]);
  const value = (record: string) => {
    const v = mine.find((s) => s.labels[NAME] === record)?.value;
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const covered = new Set(coveredWindows(spec));
  const out: SpecRead = { recorded: {}, rawWindows: [] };
  for (const window of statusWindows(spec)) {
    const events = covered.has(window) ? value(eventsRecord(window)) : undefined;
    const ratio = value(errorRatioRecord(window));
    if (events !== undefined && (ratio !== undefined || events <= 0)) {
      out.recorded[window] = events > 0 && ratio !== undefined ? { bad: ratio * events, total: events } : { bad: 0, total: 0 };
    } else {
      out.rawWindows.push(window);
    }
  }
  return out;
}

/** The raw queries' needs: `windows[i]` of `specs[i]` (all its status windows when not given), specs without any left out. */
export function needsOf(specs: readonly SloSpec[], windows: ReadonlyArray<readonly string[] | undefined>): RawNeed[] {
  return specs.flatMap((spec, i) => {
    const mine = windows[i] ?? statusWindows(spec);
    return mine.length > 0 ? [{ spec, windows: mine }] : [];
  });
}

/** The raw queries' needs: only the specs and windows the recorded series did not give. */
export function rawNeeds(specs: readonly SloSpec[], reads: readonly SpecRead[]): RawNeed[] {
  return needsOf(
    specs,
    specs.map((_, i) => reads[i]?.rawWindows),
  );
}

/** Which path gave each window's figures, for the status's `source`. */
export function sourcesOf(spec: SloSpec, read: SpecRead): Record<string, ReadSource> {
  return Object.fromEntries(statusWindows(spec).map((w) => [w, Object.hasOwn(read.recorded, w) ? 'recorded' : 'raw']));
}
