// Prometheus duration literals (https://prometheus.io/docs/prometheus/latest/querying/basics/#float-literals-and-time-durations).
// Pure: no server-only, so lib/mesh, lib/slo and route schemas can share it.

const SECONDS_PER_UNIT = {
  y: 365 * 86_400, // Prometheus defines a year as exactly 365 days
  w: 7 * 86_400,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
  ms: 0.001,
} as const;

type Unit = keyof typeof SECONDS_PER_UNIT;

// Units must appear from largest to smallest, each at most once ("1h30m", not "30m1h").
const UNIT_ORDER: readonly Unit[] = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
const PART = /(\d+)(ms|y|w|d|h|m|s)/y;

/** Parses a Prometheus duration such as `5m`, `1h30m` or `90d` into seconds; throws RangeError otherwise. */
export function parsePromDuration(text: string): number {
  let seconds = 0;
  let lastUnitIndex = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    const unit = match?.[2] as Unit | undefined;
    const unitIndex = unit === undefined ? -1 : UNIT_ORDER.indexOf(unit);
    if (!match || unit === undefined || unitIndex <= lastUnitIndex) {
      throw new RangeError(`invalid Prometheus duration "${text}"`);
    }
    lastUnitIndex = unitIndex;
    seconds += Number(match[1]) * SECONDS_PER_UNIT[unit];
  }
  if (text.length === 0 || seconds <= 0 || !Number.isFinite(seconds)) {
    throw new RangeError(`invalid Prometheus duration "${text}"`);
  }
  return Math.round(seconds * 1000) / 1000;
}

// Weeks and years are left out on purpose: people read "30d", not Prometheus's own "4w2d".
const FORMAT_UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/** Formats seconds as a PromQL duration (`300` -> `5m`, `5400` -> `1h30m`); millisecond precision. */
export function durationToPromql(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (!Number.isFinite(seconds) || ms <= 0) {
    throw new RangeError(`duration must be at least 1ms, got ${seconds}s`);
  }
  let out = '';
  for (const [unit, size] of FORMAT_UNITS) {
    const count = Math.floor(ms / size);
    if (count > 0) {
      out += `${count}${unit}`;
      ms -= count * size;
    }
  }
  return out;
}
