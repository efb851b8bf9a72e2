import { describe, expect, it } from 'vitest';
import { sloSpecSchema } from '@/lib/slo/spec';
import { besideWindows, createPresenceMemo, learnMissing, RULES_SETTLE_SECONDS, storedHints, unsavedHints, type RecordedHints } from './recorded-expect';

const spec = sloSpecSchema.parse({ name: 'cart', service: 'cart', namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
const COVERED = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];
const DEFINED = 1_790_000_000;
const hints = (): RecordedHints => ({ definedAt: new Map([['cart', DEFINED]]), memo: createPresenceMemo() });

describe('besideWindows', () => {
  it('sends nothing beside the read without hints (every recorded series expected)', () => {
    expect(besideWindows(spec, 'h', COVERED, DEFINED - 86_400, undefined)).toEqual([]);
  });

  it.each([
    ['before the definition', DEFINED - 3600, COVERED],
    ['while its rules settle', DEFINED + RULES_SETTLE_SECONDS - 1, COVERED],
    ['once settled', DEFINED + RULES_SETTLE_SECONDS, []],
  ])('%s', (_label, time, expected) => {
    expect(besideWindows(spec, 'h', COVERED, time, hints())).toEqual(expected);
  });

  it('sends an SLO unknown to the hints nothing beside the read', () => {
    expect(besideWindows({ ...spec, name: 'other' }, 'h', COVERED, DEFINED, hints())).toEqual([]);
  });

  it('remembers the windows a settled read found missing, for that definition only, until a read finds them', () => {
    const h = hints();
    const settled = DEFINED + 3600;
    learnMissing(spec, 'h', ['30d'], settled, h);
    expect(besideWindows(spec, 'h', COVERED, settled + 60, h)).toEqual(['30d']);
    expect(besideWindows(spec, 'redefined', COVERED, settled + 60, h)).toEqual([]);
    learnMissing(spec, 'h', [], settled + 60, h);
    expect(besideWindows(spec, 'h', COVERED, settled + 120, h)).toEqual([]);
  });

  it('does not learn from reads before the definition settled, where series are not expected', () => {
    const h = hints();
    learnMissing(spec, 'h', COVERED, DEFINED - 60, h);
    expect(besideWindows(spec, 'h', COVERED, DEFINED + 3600, h)).toEqual([]);
  });
});

describe('createPresenceMemo', () => {
  it('keeps at most its size, dropping the oldest', () => {
    const memo = createPresenceMemo(2);
    memo.learn('a', ['1h']);
    memo.learn('b', ['1h']);
    memo.learn('c', ['1h']);
    expect([memo.missing('a'), memo.missing('b'), memo.missing('c')]).toEqual([undefined, ['1h'], ['1h']]);
  });
});

describe('hints', () => {
  it("dates a stored SLO's definition from its last update, an unsaved one's from now", () => {
    expect(storedHints([{ spec: { name: 'cart' }, updatedAt: '2026-09-01T00:00:00.000Z' }]).definedAt.get('cart')).toBe(Date.UTC(2026, 8, 1) / 1000);
    expect(unsavedHints({ name: 'x' }, 123).definedAt.get('x')).toBe(123);
  });
});
