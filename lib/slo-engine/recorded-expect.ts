// Which raw counters to ask for beside the recorded-series read, before it has answered.
//
// A status reads the recording rules' series first and the raw counters only for windows without
// them (recorded-read.ts). Asked one after the other, a slow Prometheus makes that two round trips
// whenever series are missing, which is exactly when the SLO is new, or the instant predates its
// rules, or the rules are not loaded at all. Asking for every window's raw counters beside the
// recorded read would make it one round trip always, but would send the expensive queries the
// recording rules exist to avoid (30 days of raw samples) for every viewer on the normal path.
// Racing (raw only if the recorded answer is late) costs the same on a slow Prometheus, where the
// load hurts most. So the raw counters go out beside the recorded read only for the SLOs whose
// series are not expected, judged from what is known before asking:
//   - the instant is before the SLO's current definition was stored, or within RULES_SETTLE_SECONDS
//     after it (its rules are being delivered, reloaded and run for the first time);
//   - the last read at an instant its series were expected found some of them missing (rules not
//     delivered: no MESHWATCH_RULES_FILE and not applied by GitOps, a failed sync): those windows.
// Otherwise the recorded read goes alone, and a window it unexpectedly lacks is read raw after it,
// as before. The choice changes only when raw queries are sent, never which figures are used: a
// recorded series present at the instant is used, the raw counters only where it is missing.

import type { SloSpec } from '@/lib/slo/spec';

/**
 * After a definition is stored, how long until every recorded series of it exists: the rules sync
 * (promtool check, write, /-/reload: seconds), then the first run of each group, within the global
 * evaluation interval (1m by default) for the alert windows and within 5m for the SLO window's
 * group (rules.ts SLO_WINDOW_INTERVAL), with room for a slow sync.
 */
export const RULES_SETTLE_SECONDS = 600;
/** Memo entries kept (one per SLO definition); past it the oldest go first. */
const MEMO_MAX_ENTRIES = 10_000;

/** Windows whose recorded series were missing at the last read of each SLO definition where they were expected. */
export interface PresenceMemo {
  missing(key: string): readonly string[] | undefined;
  learn(key: string, missing: readonly string[]): void;
}

export function createPresenceMemo(maxEntries = MEMO_MAX_ENTRIES): PresenceMemo {
  const entries = new Map<string, readonly string[]>();
  return {
    missing: (key) => entries.get(key),
    learn(key, missing) {
      entries.delete(key);
      if (missing.length === 0) return;
      entries.set(key, missing);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}

// One memo per process, shared by every server bundle Next.js builds (as lib/prometheus's client).
const globalForMemo = globalThis as typeof globalThis & { __meshwatchRecordedMemo?: PresenceMemo };
function sharedMemo(): PresenceMemo {
  globalForMemo.__meshwatchRecordedMemo ??= createPresenceMemo();
  return globalForMemo.__meshwatchRecordedMemo;
}

/** For tests: forget what earlier reads found, as a fresh process (the memo is keyed by SLO name and SLI, which tests reuse). */
export function resetRecordedPresence(): void {
  globalForMemo.__meshwatchRecordedMemo = undefined;
}

/** What the caller knows about the SLOs' definitions; without it, every recorded series is expected. */
export interface RecordedHints {
  /** Unix seconds since when each SLO (by name) has had its current definition: the store's updatedAt; an unsaved spec's, now. */
  definedAt: ReadonlyMap<string, number>;
  /** Earlier reads' outcomes; default: the process's. */
  memo?: PresenceMemo;
}

/** The memo's key: the SLO and the hash of its SLI definition (sli-hash.ts), so a redefinition starts afresh. */
const keyOf = (spec: SloSpec, hash: string) => `${spec.name}\u0000${hash}`;

/**
 * Whether every recorded series of the spec's current definition is expected at `time` (the memo
 * aside): the instant is past the settling of the definition, or nothing says when it was made.
 */
export function recordedExpected(spec: SloSpec, time: number, hints: RecordedHints | undefined): boolean {
  const definedAt = hints?.definedAt.get(spec.name);
  return definedAt === undefined || time >= definedAt + RULES_SETTLE_SECONDS;
}

/** Of the `covered` windows (those with recording rules), the ones whose raw counters go out beside the recorded read. */
export function besideWindows(spec: SloSpec, hash: string, covered: readonly string[], time: number, hints: RecordedHints | undefined): string[] {
  if (!hints) return [];
  if (!recordedExpected(spec, time, hints)) return [...covered];
  const missing = new Set((hints.memo ?? sharedMemo()).missing(keyOf(spec, hash)));
  return covered.filter((w) => missing.has(w));
}

/** Keeps which covered windows a read found missing, from reads at instants where they were expected. */
export function learnMissing(spec: SloSpec, hash: string, missing: readonly string[], time: number, hints: RecordedHints | undefined): void {
  if (!hints || !recordedExpected(spec, time, hints)) return;
  (hints.memo ?? sharedMemo()).learn(keyOf(spec, hash), missing);
}

/** Hints for stored SLOs: each one's definition dates from its last update (an edit that keeps the SLI only costs raw queries for instants before it). */
export function storedHints(stored: ReadonlyArray<{ spec: Pick<SloSpec, 'name'>; updatedAt: string }>): RecordedHints {
  return { definedAt: new Map(stored.flatMap((s) => (Number.isFinite(Date.parse(s.updatedAt)) ? [[s.spec.name, Date.parse(s.updatedAt) / 1000] as const] : []))) };
}

/** Hints for a spec not stored (a preview): defined now, so no recorded series are expected. */
export function unsavedHints(spec: Pick<SloSpec, 'name'>, nowSeconds = Date.now() / 1000): RecordedHints {
  return { definedAt: new Map([[spec.name, nowSeconds]]) };
}
