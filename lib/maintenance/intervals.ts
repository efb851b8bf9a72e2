// Interval arithmetic over maintenance windows (unix seconds, [start, end)). Pure.

export interface Interval {
  start: number;
  end: number;
}

/** The intervals clipped to [from, to], merged where they overlap or touch, in time order. */
export function mergeIntervals(intervals: readonly Interval[], from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): Interval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of clipped) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Whether [aStart, aEnd) overlaps [b.start, b.end); an open end (null) runs forever. */
export function overlaps(a: { start: number; end: number | null }, b: Interval): boolean {
  return a.start < b.end && (a.end === null || a.end > b.start);
}

export const totalSeconds = (intervals: readonly Interval[]) => intervals.reduce((s, i) => s + i.end - i.start, 0);

/** `1h 30m`, `2d 4h`, `45m`: the two largest units, for "excludes 2 maintenance windows (1h 30m)". */
export function durationText(seconds: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${name}`);
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0m' : parts.join(' ');
}
