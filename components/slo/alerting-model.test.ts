import { describe, expect, it } from 'vitest';
import type { SloAlerting } from '@/lib/slo/alerting-schema';
import { alertingChip, prometheusStateOf, PROMETHEUS_RULE_BUNDLE } from './alerting-model';

const clock = (s: number) => `${new Date(s * 1000).toISOString().slice(11, 16)} UTC`;
const ctx = { mode: 'file' as const, pending: false, clock };
const at1203 = Date.UTC(2026, 9, 1, 12, 3) / 1000;
const entry = (rules: SloAlerting['rules'], alerts: SloAlerting['alerts'] = []): SloAlerting => ({ name: 'cart-availability', rules, alerts });
const alert = (severity: string, state: 'pending' | 'firing'): SloAlerting['alerts'][number] => ({ severity, state, activeAt: at1203, value: 0.02, longWindow: '1h', shortWindow: '5m' });

describe('alertingChip', () => {
  it.each([
    ['firing page', entry('loaded', [alert('page', 'firing')]), ctx, { label: 'firing page since 12:03 UTC', tone: 'bad' }],
    ['firing ticket', entry('loaded', [alert('ticket', 'firing'), alert('page', 'pending')]), ctx, { label: 'firing ticket since 12:03 UTC', tone: 'warn', title: expect.stringContaining('1 more alert') }],
    ['pending page', entry('loaded', [alert('page', 'pending')]), ctx, { label: 'pending page since 12:03 UTC', tone: 'warn' }],
    ['loaded, quiet', entry('loaded'), ctx, { label: 'rules loaded', tone: 'good' }],
    ['stale', { ...entry('stale'), detail: '4 rule(s) differ' }, ctx, { label: 'rules stale', tone: 'warn', title: '4 rule(s) differ' }],
    ['rejected by promtool', { ...entry('rejected'), detail: 'unclosed left parenthesis' }, ctx, { label: 'rules rejected by promtool', tone: 'bad', title: 'unclosed left parenthesis' }],
    ['not loaded (file)', entry('not_loaded'), ctx, { label: 'rules not loaded', tone: 'warn' }],
    ['not loaded (gitops)', entry('not_loaded'), { ...ctx, mode: 'gitops' as const }, { label: 'gitops: download PrometheusRule', href: PROMETHEUS_RULE_BUNDLE }],
    ['loading', undefined, { ...ctx, pending: true }, { label: 'checking…', tone: 'muted' }],
    ['Prometheus down', undefined, { ...ctx, error: 'Prometheus unreachable: connection refused' }, { label: 'unknown', title: expect.stringContaining('connection refused') }],
  ])('%s', (_, e, c, expected) => expect(alertingChip(e, c)).toMatchObject(expected));
});

// The detail page's two answers to "is it firing?" side by side: the burn now, and Prometheus' state
// after `for:`. Prometheus' 1 firing + 3 pending must read as such, never as "4 firing".
describe('prometheusStateOf', () => {
  const pair = (severity: string, longWindow: string, shortWindow: string) => ({ severity, longWindow, shortWindow });
  const held = { ...entry('loaded', [alert('page', 'firing'), { ...alert('page', 'pending'), longWindow: '6h', shortWindow: '30m' }]) };
  it.each([
    [pair('page', '1h', '5m'), held, 'firing'],
    [pair('page', '6h', '30m'), held, 'pending, waiting for its for:'],
    [pair('ticket', '1d', '2h'), held, 'not active'],
    [pair('page', '1h', '5m'), entry('not_loaded'), 'rules not loaded'],
    [pair('page', '1h', '5m'), { ...held, rules: 'stale' as const }, 'firing (rules stale)'],
    [pair('page', '1h', '5m'), undefined, 'unknown'],
  ])('%j in %j: %s', (p, e, label) => expect(prometheusStateOf(p, e).label).toBe(label));
});
