import { describe, expect, it } from 'vitest';
import { sloState as statusState } from '@/lib/slo/state';
import { healthVerdict, parseHealthThresholds, percentText, ratioHealth, sloHealth, tcpHealth, type SloStatusInput } from '.';

const T = { warning: 0.01, failing: 0.05 };
const W = 300;

/** With the state the status carries, classified as lib/slo/status.ts does (the verdict reads it). */
const stated = (s: Omit<SloStatusInput, 'state'>): SloStatusInput => ({ ...s, state: statusState(s) });

/** An SLO status as /api/slos-status gives it, with only what the verdict reads. */
function slo(name: string, over: Partial<Omit<SloStatusInput, 'state'>> & { remaining?: number | null } = {}): SloStatusInput {
  const { remaining = 0.5, ...rest } = over;
  return stated({
    name,
    sli: 0.9995,
    errorBudget: { remaining },
    alerts: [],
    traffic: { lowTraffic: false },
    recommendation: { action: 'none' },
    ...rest,
  });
}
const paging = (name: string, burn: number) =>
  slo(name, {
    recommendation: { action: 'page' },
    alerts: [
      { severity: 'page', longWindow: '6h', longBurnRate: 7.5, firing: true },
      { severity: 'page', longWindow: '1h', longBurnRate: burn, firing: true },
      { severity: 'ticket', longWindow: '1d', longBurnRate: 3.2, firing: true },
    ],
  });

describe('ratioHealth: the observed error ratio against 1 % / 5 %', () => {
  it.each([
    // [error ratio, rps, level, reason]
    [0, 10, 'ok', '0 % of requests fail (under the 1 % warning threshold)'],
    [0.0047, 10, 'ok', '0.47 % of requests fail (under the 1 % warning threshold)'],
    [0.00999, 10, 'ok', '1.00 % of requests fail (under the 1 % warning threshold)'],
    [0.01, 10, 'warning', '1.0 % of requests fail (warning at 1 % or more)'],
    [0.005 + 0.025, 10, 'warning', '3.0 % of requests fail (warning at 1 % or more)'],
    [0.04999, 10, 'warning', '5.0 % of requests fail (warning at 1 % or more)'],
    [0.05, 10, 'failing', '5.0 % of requests fail (failing at 5 % or more)'],
    [0.2779, 120, 'failing', '27.8 % of requests fail (failing at 5 % or more)'],
    [1, 10, 'failing', '100.0 % of requests fail (failing at 5 % or more)'],
  ] as const)('%s failing at %s req/s is %s', (errorRatio, rps, level, reason) => {
    expect(ratioHealth({ errorRatio, rps, windowSeconds: W }, T)).toEqual({ level, reason });
  });

  it.each([
    ['no requests (null ratio)', null, 0],
    ['rate 0 with a stale ratio', 0.5, 0],
    ['NaN ratio', Number.NaN, 1],
    ['null ratio, unknown rate', null, null],
  ] as const)('is idle for %s', (_name, errorRatio, rps) => {
    expect(ratioHealth({ errorRatio, rps, windowSeconds: W }, T)).toEqual({ level: 'idle', reason: 'no traffic in the window' });
  });

  it('keeps the level under low traffic but says how few requests it rests on', () => {
    // 0.04 req/s over 300 s = 12 requests; 1 of them failing is 8.3 %.
    expect(ratioHealth({ errorRatio: 1 / 12, rps: 0.04, windowSeconds: W }, T)).toEqual({
      level: 'failing',
      reason: '8.3 % of requests fail (failing at 5 % or more); low traffic: 12 requests in the window, one failure moves the ratio by 8.3 %',
    });
    // 100 requests (1 / 1 %) is enough: no caveat.
    expect(ratioHealth({ errorRatio: 0, rps: 100 / W, windowSeconds: W }, T)).toMatchObject({ level: 'ok', reason: expect.not.stringContaining('low traffic') });
    // Under 100 requests without a failure: too few to call it ok (audit-export's few an hour).
    expect(ratioHealth({ errorRatio: 0, rps: 99 / W, windowSeconds: W }, T)).toEqual({
      level: 'idle',
      reason: 'too few requests to judge: 0 % of requests fail; low traffic: 99 requests in the window, one failure moves the ratio by 1.0 %',
    });
  });

  it('follows other thresholds', () => {
    expect(ratioHealth({ errorRatio: 0.006, rps: 10, windowSeconds: W }, { warning: 0.005, failing: 0.02 })).toEqual({
      level: 'warning',
      reason: '0.60 % of requests fail (warning at 0.5 % or more)',
    });
  });
});

describe('sloHealth: one SLO status', () => {
  it.each([
    ['page', paging('checkout-availability', 14.4), 'failing', 'SLO checkout-availability pages: 1h burn 14.4x'],
    [
      'ticket',
      slo('cart-availability', { recommendation: { action: 'ticket' }, alerts: [{ severity: 'ticket', longWindow: '1d', longBurnRate: 3.04, firing: true }] }),
      'warning',
      'SLO cart-availability tickets: 1d burn 3.0x',
    ],
    ['exhausted, not burning now', slo('a', { remaining: 0 }), 'warning', 'SLO a: error budget exhausted'],
    ['overspent', slo('a', { remaining: -0.24 }), 'warning', 'SLO a: error budget exhausted'],
    ['paging and overspent', stated({ ...paging('a', 20), errorBudget: { remaining: -1 } }), 'failing', 'SLO a pages: 1h burn 20.0x, error budget exhausted'],
    ['ok', slo('a', { remaining: 0.625 }), 'ok', 'SLO a ok, 62 % of its budget left'],
    // One pair short of events, none firing: nothing to judge.
    ['low traffic', slo('a', { traffic: { lowTraffic: true } }), 'idle', 'SLO a: too little traffic to judge'],
    // The 1h pair short of events, the 6h page pair with enough firing: recommend() pages on the trusted
    // pair (an untrusted one only tickets), and so does the verdict, as the status' own state says.
    ['a page from a pair with enough events beside one without', stated({ ...paging('a', 10), traffic: { lowTraffic: true } }), 'failing', 'SLO a pages: 1h burn 10.0x'],
    ['a ticket beside a pair short of events', slo('a', { traffic: { lowTraffic: true }, recommendation: { action: 'ticket' } }), 'warning', 'SLO a tickets'],
    ['no traffic in the SLO window', slo('a', { sli: null, remaining: null }), 'idle', 'SLO a: too little traffic to judge'],
    ['low traffic, budget spent', slo('a', { traffic: { lowTraffic: true }, remaining: -0.1 }), 'warning', 'SLO a: error budget exhausted'],
    // A spent budget is the state whatever else fires but a page, as on the SLO pages; the ticket stays in the words.
    [
      'ticketing and overspent',
      slo('a', { remaining: -0.3, recommendation: { action: 'ticket' }, alerts: [{ severity: 'ticket', longWindow: '1d', longBurnRate: 3.04, firing: true }] }),
      'warning',
      'SLO a: error budget exhausted; it tickets: 1d burn 3.0x',
    ],
  ] as const)('%s', (_name, status, level, reason) => {
    expect(sloHealth(status)).toEqual({ level, reason });
  });
});

describe('healthVerdict: the worse of the SLOs and the observed ratio', () => {
  const traffic = (errorRatio: number | null, rps: number | null = 100) => ({ errorRatio, rps, windowSeconds: W });

  it('without SLOs, is the ratio verdict', () => {
    expect(healthVerdict(traffic(0.03), T)).toEqual(ratioHealth(traffic(0.03), T));
  });

  it('a service failing 28 % is failing even when its SLO is still ok', () => {
    const v = healthVerdict({ ...traffic(0.28), slos: [slo('catalog-latency', { remaining: 0.9 })] }, T);
    expect(v).toEqual({ level: 'failing', reason: '28.0 % of requests fail (failing at 5 % or more)' });
  });

  it('a paging SLO wins over a healthy window', () => {
    expect(healthVerdict({ ...traffic(0.002), slos: [paging('checkout-availability', 14.4)] }, T)).toEqual({
      level: 'failing',
      reason: 'SLO checkout-availability pages: 1h burn 14.4x',
    });
  });

  it('names every signal at the winning level, the ratio first', () => {
    const v = healthVerdict({ ...traffic(0.9), slos: [paging('p-99', 90), paging('p-999', 900), slo('p-latency')] }, T);
    expect(v).toEqual({
      level: 'failing',
      reason: '90.0 % of requests fail (failing at 5 % or more); SLO p-99 pages: 1h burn 90.0x; SLO p-999 pages: 1h burn 900.0x',
    });
  });

  it('a ticket raises an ok window to warning', () => {
    const cart = slo('cart-availability', { recommendation: { action: 'ticket' }, alerts: [{ severity: 'ticket', longWindow: '1d', longBurnRate: 4.7, firing: true }] });
    expect(healthVerdict({ ...traffic(0.0047), slos: [cart] }, T)).toEqual({ level: 'warning', reason: 'SLO cart-availability tickets: 1d burn 4.7x' });
  });

  it('an exhausted budget is never ok, even on a clean window', () => {
    expect(healthVerdict({ ...traffic(0), slos: [slo('a', { remaining: -0.5 })] }, T)).toEqual({ level: 'warning', reason: 'SLO a: error budget exhausted' });
    expect(healthVerdict({ ...traffic(null, 0), slos: [slo('a', { remaining: 0 })] }, T).level).toBe('warning');
  });

  it('ok SLOs do not turn a window without traffic into ok, and are named', () => {
    expect(healthVerdict({ ...traffic(null, 0), slos: [slo('b', { remaining: 0.5 }), slo('a', { remaining: 0.9 })] }, T)).toEqual({
      level: 'idle',
      reason: 'no traffic in the window; SLO a ok, 90 % of its budget left; SLO b ok, 50 % of its budget left',
    });
  });

  it('ok window and ok SLO: ok, with both reasons', () => {
    expect(healthVerdict({ ...traffic(0.001), slos: [slo('a', { remaining: 0.75 })] }, T)).toEqual({
      level: 'ok',
      reason: '0.10 % of requests fail (under the 1 % warning threshold); SLO a ok, 75 % of its budget left',
    });
  });

  it('uses the default thresholds (1 % / 5 %) when none are given', () => {
    expect(healthVerdict(traffic(0.0099)).level).toBe('ok');
    expect(healthVerdict(traffic(0.01)).level).toBe('warning');
    expect(healthVerdict(traffic(0.05)).level).toBe('failing');
  });
});

describe('tcpHealth', () => {
  it.each([
    [2, 'ok'],
    [0, 'idle'],
    [null, 'idle'],
  ] as const)('%s connections/s is %s', (cps, level) => expect(tcpHealth(cps).level).toBe(level));
});

describe('parseHealthThresholds (MESHWATCH_HEALTH_THRESHOLDS)', () => {
  it.each([
    [undefined, { warning: 0.01, failing: 0.05 }],
    ['1,5', { warning: 0.01, failing: 0.05 }],
    [' 0.5 , 2 ', { warning: 0.005, failing: 0.02 }],
    ['1%,5%', { warning: 0.01, failing: 0.05 }],
    ['10,100', { warning: 0.1, failing: 1 }],
  ] as const)('%s', (text, expected) => expect(parseHealthThresholds(text)).toEqual(expected));

  it.each(['5', '1,5,10', 'a,b', '5,1', '1,1', '0,5', '1,101', '-1,5', '1,'])('rejects %j', (text) => {
    expect(typeof parseHealthThresholds(text)).toBe('string');
  });
});

describe('percentText', () => {
  it.each([
    [0, '0 %'],
    [0.00005, '< 0.01 %'],
    [0.0047, '0.47 %'],
    [0.0296, '3.0 %'],
    [0.2779, '27.8 %'],
  ] as const)('%s -> %s', (ratio, text) => expect(percentText(ratio)).toBe(text));
});

describe("an SLO's verdict and its status' state", () => {
  // Every combination of what both read: the verdict fails exactly when the status pages, and is never
  // ok or idle while the status tickets or its budget is spent.
  const combos = (['none', 'ticket', 'page'] as const).flatMap((action) =>
    [false, true].flatMap((lowTraffic) => [0.5, 0, -0.2].map((remaining) => slo('a', { recommendation: { action }, traffic: { lowTraffic }, remaining }))),
  );
  it.each(combos.map((c) => [`${c.recommendation.action}, low traffic ${c.traffic.lowTraffic}, remaining ${c.errorBudget.remaining}`, c] as const))('%s', (_name, status) => {
    const state = statusState(status);
    const { level } = sloHealth(status);
    expect(level === 'failing').toBe(state === 'page');
    if (state === 'ticket' || state === 'exhausted') expect(level).toBe('warning');
    if (state === 'low_traffic') expect(level).toBe('idle');
    if (state === 'ok') expect(level).toBe('ok');
  });
});
