import { describe, expect, it } from 'vitest';
import { nodeHealth, nodeSloStates, sloStateOf, type SloStatusInput } from './slo-state';

type Action = SloStatusInput['recommendation']['action'];
const status = (name: string, action: Action, { sli = 0.99, lowTraffic = false }: { sli?: number | null; lowTraffic?: boolean } = {}): SloStatusInput => ({
  name,
  sli,
  traffic: { events: 1000, lowTraffic },
  recommendation: { action, reason: '' },
});
const spec = (name: string, service = 'payments', namespace = 'payments') => ({ name, service, namespace });

describe('sloStateOf', () => {
  it.each([
    ['page', {}, 'paging'],
    ['ticket', {}, 'ticket'],
    ['none', {}, 'ok'],
    ['page', { lowTraffic: true }, null],
    ['none', { sli: null }, null],
  ] as const)('%s %o -> %s', (action, opts, expected) => {
    expect(sloStateOf(status('a', action, opts))).toBe(expected);
  });

  it('is null for an SLO without a status (evaluation error)', () => {
    expect(sloStateOf(undefined)).toBeNull();
  });
});

describe('nodeSloStates', () => {
  it.each([
    ['one paging SLO', [status('a', 'page')], 'paging'],
    ['paging beats ticket and ok', [status('a', 'none'), status('b', 'page'), status('c', 'ticket')], 'paging'],
    ['ticket beats ok', [status('a', 'none'), status('b', 'ticket')], 'ticket'],
    ['all ok', [status('a', 'none'), status('b', 'none')], 'ok'],
    ['low traffic does not hide a judged ok', [status('a', 'page', { lowTraffic: true }), status('b', 'none')], 'ok'],
    ['only low traffic / no data: no state', [status('a', 'page', { lowTraffic: true }), status('b', 'none', { sli: null })], null],
    ['no statuses at all', [], null],
  ] as const)('%s', (_, statuses, expected) => {
    const nodes = nodeSloStates([spec('b'), spec('a'), spec('c')].filter((s) => statuses.length === 0 || statuses.some((x) => x.name === s.name)), statuses);
    expect(nodes.get('payments/payments')?.state).toBe(expected);
  });

  it('keys nodes by namespace/service and lists each SLO sorted by name', () => {
    const nodes = nodeSloStates([spec('z', 'checkout', 'shop'), spec('b'), spec('a')], [status('a', 'ticket'), status('b', 'none'), status('z', 'page')]);
    expect(nodes.get('payments/payments')?.slos).toEqual([
      { name: 'a', state: 'ticket' },
      { name: 'b', state: 'ok' },
    ]);
    expect(nodes.get('shop/checkout')).toEqual({ state: 'paging', slos: [{ name: 'z', state: 'paging' }] });
    expect(nodes.has('payments/ledger')).toBe(false);
  });
});

describe('nodeHealth', () => {
  const slos = (state: 'paging' | 'ticket' | 'ok' | null) => ({ state, slos: [{ name: 'a', state }] });
  it.each([
    ['SLO paging beats a healthy error ratio', 0, slos('paging'), 'bad', 'SLO: paging'],
    ['SLO ticket', 0.2, slos('ticket'), 'warn', 'SLO: ticket'],
    ['SLO ok beats a failing error ratio', 0.2, slos('ok'), 'ok', 'SLO: ok'],
    ['no judged SLO: error ratio 5% fails', 0.05, slos(null), 'bad', null],
    ['no SLO: error ratio 1% degrades', 0.01, undefined, 'warn', null],
    ['no SLO, no traffic', null, undefined, 'idle', null],
  ] as const)('%s', (_, ratio, node, health, label) => {
    expect(nodeHealth(ratio, node)).toEqual({ health, label });
  });
});
