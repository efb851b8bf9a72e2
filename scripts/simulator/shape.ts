// Traffic shapes: a constant plus sinusoids, so both the rate and its integral are closed-form
// (the integral of sin is -cos). Time is taken relative to the anchor to keep float precision.
import { between } from './rng';

export interface Wave {
  amp: number;
  omega: number; // rad/s
  phase: number; // rad, at the anchor
}

export interface Shape {
  anchor: number;
  base: number;
  waves: readonly Wave[];
}

const DAY = 86_400;
/** Busiest moment of the shop's day, seconds after midnight UTC (15:00, European afternoon). */
const PEAK_TIME_OF_DAY = 15 * 3600;
/** Diurnal factor D(t) = 0.55 + 0.45 * (1 + sin) / 2: night is 55% of the daily peak. */
const DIURNAL_MEAN = 0.775;
const DIURNAL_AMP = 0.225;

/** Multiplier of an edge's peak rate at time t. */
export function shapeRate(shape: Shape, t: number): number {
  const x = t - shape.anchor;
  let value = shape.base;
  for (const w of shape.waves) value += w.amp * Math.sin(w.omega * x + w.phase);
  return value;
}

/** An antiderivative of shapeRate (relative to the anchor): integral over [a, b] is G(b) - G(a). */
export function shapeIntegral(shape: Shape, t: number): number {
  const x = t - shape.anchor;
  let value = shape.base * x;
  for (const w of shape.waves) value -= (w.amp / w.omega) * Math.cos(w.omega * x + w.phase);
  return value;
}

/** A constant shape (control-plane pushes, CPU baseline). */
export function flatShape(anchor: number): Shape {
  return { anchor, base: 1, waves: [] };
}

/** Daily cycle shared by the whole shop plus two small seeded wobbles (periods of minutes) per key. */
export function diurnalShape(seed: number, key: string, anchor: number): Shape {
  const omegaDay = (2 * Math.PI) / DAY;
  // sin(omegaDay * timeOfDay + p0) peaks at PEAK_TIME_OF_DAY; shift the phase to x = t - anchor.
  const p0 = Math.PI / 2 - omegaDay * PEAK_TIME_OF_DAY;
  const waves: Wave[] = [{ amp: DIURNAL_AMP, omega: omegaDay, phase: omegaDay * (anchor % DAY) + p0 }];
  for (const i of [0, 1]) {
    const periodMinutes = between(seed, `${key}:wobble${i}:period`, 6, 29);
    waves.push({
      amp: between(seed, `${key}:wobble${i}:amp`, 0.015, 0.035),
      omega: (2 * Math.PI) / (periodMinutes * 60),
      phase: between(seed, `${key}:wobble${i}:phase`, 0, 2 * Math.PI),
    });
  }
  return { anchor, base: DIURNAL_MEAN, waves };
}
