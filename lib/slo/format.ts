// Plain-words formatting for recommendations and rule annotations. Pure.

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
];

/** `183600` -> `2d 3h`: the two largest units, rounded down; under a minute says so. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 60) return 'under a minute';
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(`${count}${unit}`);
    if (parts.length > 0) rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** `0.0214` -> `2.14%`; up to 4 significant digits, no trailing zeros. */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}

/** `14.4` -> `14.4x`, `0.9333` -> `0.93x`. */
export function factor(value: number): string {
  return `${Number(value.toPrecision(value >= 10 ? 3 : 2))}x`;
}
