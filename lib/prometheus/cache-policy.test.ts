import { describe, expect, it } from 'vitest';
import { answerKey, answerTtlMs, liveTime, LIVE_TTL_MS, SETTLED_TTL_MS } from './cache-policy';

const NOW_MS = Date.UTC(2026, 9, 1, 12, 0, 7); // 2026-10-01T12:00:07Z
const NOW_S = NOW_MS / 1000;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('cache policy', () => {
  it('floors "now" to the 10-second grid', () => {
    expect(liveTime(NOW_MS)).toBe(NOW_S - 7);
    expect(liveTime(NOW_MS - 7_000)).toBe(NOW_S - 7);
    expect(liveTime(NOW_MS + 3_000)).toBe(NOW_S + 3);
  });

  it.each([
    ['no time (now on the server)', {}, LIVE_TTL_MS],
    ['a time a minute ago', { time: String(NOW_S - 60) }, LIVE_TTL_MS],
    ['a time just under five minutes ago', { time: String(NOW_S - 299) }, LIVE_TTL_MS],
    ['a time in the future', { time: String(NOW_S + 600) }, LIVE_TTL_MS],
    ['a time six minutes ago', { time: String(NOW_S - 360) }, SETTLED_TTL_MS],
    ['a range ending an hour ago', { start: String(NOW_S - 7_200), end: String(NOW_S - 3_600), step: '60' }, SETTLED_TTL_MS],
    ['a range ending now', { start: String(NOW_S - 3_600), end: String(NOW_S), step: '60' }, LIVE_TTL_MS],
    ['an RFC 3339 time (not parsed, so live)', { time: '2020-01-01T00:00:00Z' }, LIVE_TTL_MS],
  ])('keeps an answer about %s for the right time', (_what, fields, ttl) => {
    expect(answerTtlMs(form(fields), NOW_MS)).toBe(ttl);
  });

  it('keys on method, path and the whole form, time included', () => {
    const at = (time: string) => answerKey('POST', '/api/v1/query', form({ query: 'up', time }).toString());
    expect(at('100')).toBe(at('100'));
    expect(at('100')).not.toBe(at('110'));
    expect(answerKey('POST', '/api/v1/query', form({ query: 'up', time: '100' }).toString())).not.toBe(
      answerKey('POST', '/api/v1/query', form({ query: 'down', time: '100' }).toString()),
    );
    expect(answerKey('GET', '/api/v1/label/le/values', '')).not.toBe(answerKey('GET', '/api/v1/label/job/values', ''));
  });
});
