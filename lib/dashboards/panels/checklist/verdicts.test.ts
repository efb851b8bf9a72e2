import { describe, expect, it } from 'vitest';
import { certificateVerdict, changesVerdict, controlPlaneVerdict, leaderVerdict, restartVerdict, tracesVerdict, workloadCertVerdict } from './verdicts';

describe('incident checklist verdicts', () => {
  it('control plane: unknown when unsupported or not scraped, look here when down or slow, ok otherwise', () => {
    expect(controlPlaneVerdict({ unsupported: 'not read for Linkerd' })).toMatchObject({ verdict: 'unknown', detail: 'not read for Linkerd' });
    expect(controlPlaneVerdict({ pods: [] }).verdict).toBe('unknown');
    // Kept to a cluster without a control plane of its own: said so, not 'not scraped'.
    expect(controlPlaneVerdict({ pods: [] }, 'prod-eu-west')).toMatchObject({ verdict: 'unknown', detail: expect.stringContaining('cluster prod-eu-west') });
    expect(controlPlaneVerdict({ pods: [{ pod: 'istiod-a', health: 'bad' }, { pod: 'istiod-b', health: 'good' }] })).toMatchObject({ verdict: 'look here', detail: 'Down: istiod-a.' });
    expect(controlPlaneVerdict({ pods: [{ pod: 'istiod-a', health: 'warn' }] }).verdict).toBe('look here');
    expect(controlPlaneVerdict({ pods: [{ pod: 'istiod-a', health: 'good' }] }).verdict).toBe('ok');
  });

  it('leader: unknown without lease metrics, look here when a lease is not renewed for over a minute', () => {
    expect(leaderVerdict([]).verdict).toBe('unknown');
    expect(leaderVerdict([{ lease: 'istio-leader', holder: 'istiod-a', renewAge: 5 }])).toMatchObject({ verdict: 'ok', detail: 'istio-leader: istiod-a' });
    expect(leaderVerdict([{ lease: 'istio-leader', holder: 'istiod-a', renewAge: 61 }]).verdict).toBe('look here');
    expect(leaderVerdict([{ lease: 'istio-leader', holder: '', renewAge: null }]).verdict).toBe('look here');
  });

  it('workload certificates: under the ticket hours is worth a look; no metric or none on the mesh is unknown', () => {
    expect(workloadCertVerdict({ hoursLeft: 13.25 }, 6)).toMatchObject({ verdict: 'ok', detail: expect.stringContaining('expires in 13.3 hours') });
    expect(workloadCertVerdict({ hoursLeft: 2 }, 6)).toMatchObject({ verdict: 'look here', detail: expect.stringContaining('under 6 hours') });
    expect(workloadCertVerdict({ hoursLeft: -1 }, 6).detail).toContain('expired 1.0 hours ago');
    expect(workloadCertVerdict({ hoursLeft: null }, 6).verdict).toBe('unknown');
    expect(workloadCertVerdict({ unsupported: 'not here' }, 6)).toMatchObject({ verdict: 'unknown', detail: 'not here' });
  });

  it('certificates: the nearest expiry decides; under 30 days is worth a look', () => {
    expect(certificateVerdict([]).verdict).toBe('unknown');
    expect(certificateVerdict([{ name: 'root', days: 10 }, { name: 'other', days: 300 }])).toMatchObject({ verdict: 'look here', detail: 'root expires in 10.0 days.' });
    expect(certificateVerdict([{ name: 'root', days: -2 }]).detail).toMatch(/^root expired 2\.0 days ago\./);
    expect(certificateVerdict([{ name: 'root', days: 30 }]).verdict).toBe('ok');
  });

  it('restarts: any restart is worth a look, most restarts first', () => {
    expect(restartVerdict([], 'the mesh').verdict).toBe('ok');
    const v = restartVerdict([{ namespace: 'shop', pod: 'cart-1', restarts: 1 }, { namespace: 'payments', pod: 'payments-1', restarts: 3 }], 'the mesh');
    expect(v).toMatchObject({ verdict: 'look here', detail: 'Restarts: payments/payments-1 ×3, shop/cart-1 ×1.' });
  });

  it('changes: rollouts and rejected pushes are worth a look; unknown without revisions', () => {
    expect(changesVerdict([], 0).verdict).toBe('ok');
    const t = Date.UTC(2026, 0, 2, 3, 4);
    expect(changesVerdict([{ namespace: 'shop', service: 'catalog', revision: 'v2', timeMs: t, previous: ['v1'] }], 0)).toMatchObject({ verdict: 'look here', detail: 'shop/catalog → v2 at 2026-01-02 03:04 UTC.' });
    expect(changesVerdict([], 2).detail).toContain('2 config push(es) rejected');
    expect(changesVerdict({ unsupported: 'no revision label' }, null).verdict).toBe('unknown');
  });

  it('traces: unknown without a trace UI, look here when requests failed', () => {
    expect(tracesVerdict(false, 5).verdict).toBe('unknown');
    expect(tracesVerdict(true, 0).verdict).toBe('ok');
    expect(tracesVerdict(true, 0.5).verdict).toBe('look here');
  });
});
