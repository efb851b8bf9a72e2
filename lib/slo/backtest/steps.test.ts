// Windows from per-step counts, against sums written out by hand.
import { describe, expect, it } from 'vitest';
import { fillFromCoarse, PrefixSums, windowsFromSteps } from './steps';

const NaN_ = Number.NaN;

describe('PrefixSums', () => {
  const p = new PrefixSums(Float64Array.from([1, 2, NaN_, 4, 5]));
  it.each([
    [-1, 4, 12], // all: 1 + 2 + 4 + 5, the missing step counts 0
    [0, 2, 2], // steps 1 and 2: 2 + nothing
    [1, 2, null], // step 2 alone has no data
    [-5, 0, 1], // clamped at the start
    [3, 9, 5], // clamped at the end
  ])('between(%i, %i)', (a, b, want) => {
    expect(p.betweenOrNull(a, b)).toBe(want);
  });
});

describe('fillFromCoarse', () => {
  // Minutes ending at 60 .. 600; 5-minute steps ending at 300 and 600.
  const fine = { start: 60, step: 60, values: Float64Array.from([1, 1, 1, 1, 1, NaN_, 2, 2, 2, 2]) };
  it('keeps complete 5-minute steps and spreads a step over its minutes where one is missing', () => {
    const coarse = { start: 300, step: 300, values: Float64Array.from([50, 15]) };
    expect([...fillFromCoarse(fine, coarse)]).toEqual([1, 1, 1, 1, 1, 3, 3, 3, 3, 3]);
  });
  it('leaves minutes empty without a coarse value', () => {
    expect([...fillFromCoarse(fine, { start: 300, step: 300, values: Float64Array.from([5, NaN_]) })].slice(5)).toEqual([NaN_, 2, 2, 2, 2]);
    expect([...fillFromCoarse(fine, undefined)]).toEqual([...fine.values]);
  });
});

describe('windowsFromSteps', () => {
  // Per-minute errors 0..9 and 10 requests a minute; the grid starts at the 4th minute (3 before it).
  const steps = { start: 60, step: 60, bad: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), total: new Float64Array(10).fill(10) };
  const grid = { start: 240, step: 60, length: 7 };
  const w = windowsFromSteps(steps, grid);
  it('each window ending at an evaluation holds exactly its minutes, reaching back before the grid', () => {
    // A 3-minute window ending at minute k holds (k-2) + (k-1) + k.
    expect(w.window('3m').bad).toEqual([6, 9, 12, 15, 18, 21, 24]);
    // A 5-minute window at the grid's start sees only the 4 minutes there are.
    expect(w.window('5m').bad).toEqual([6, 10, 15, 20, 25, 30, 35]);
    expect(w.window('5m').total).toEqual([40, 50, 50, 50, 50, 50, 50]);
  });
  it('bad events between two evaluations are exact', () => {
    expect(w.badBetween(0, 6)).toBe(4 + 5 + 6 + 7 + 8 + 9);
    expect(w.badBetween(2, 2)).toBe(0);
    expect(w.meanTotal).toBe(10);
  });
});
