// Numbers in verdict reasons: the same words on every page, so they are formatted here, once.

/** A ratio as a percentage: one decimal from 1 %, two below ("0.47 %"), never "0.00 %" for a real error. */
export function percentText(ratio: number): string {
  const pct = ratio * 100;
  if (pct === 0) return '0 %';
  if (pct < 0.01) return '< 0.01 %';
  return `${pct.toFixed(pct < 1 ? 2 : 1)} %`;
}

/** A threshold as configured: "5 %", "0.5 %" (no trailing zeros). */
export function thresholdText(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))} %`;
}

/** A burn rate factor: "14.4x", "0.93x". */
export function burnText(rate: number): string {
  return `${rate.toFixed(rate < 1 ? 2 : 1)}x`;
}
