// The incident checklist's verdicts against the simulator's scripted faults: the payments outage
// (crash-looping pod, slow config convergence), the catalog v2 deploy (a rollout with rejected
// pushes), the root certificate expiring 10 days after the anchor. Expected verdicts come from the
// timeline, not from the checklist's code. The fixture exports no lease metrics and no trace UI.
import { describe, expect, it } from 'vitest';
import { FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { PAYMENTS_RESTART_MINUTES } from '@/scripts/simulator/pods';
import { anchor, edge, event, interpolatedQuantile, meshFixture, service, table, text, timeseries } from './int-helpers';

const MINUTE = 60;
const HOUR = 3600;

describe.each(FIXTURE_MESHES)('%s fixture: incident checklist', (mesh) => {
  const { model, panel } = meshFixture(mesh);
  const istio = mesh === 'istio';
  const items = async (dashboard: string, q: Record<string, string | number>) =>
    Object.fromEntries(table(await panel(dashboard, 'checklist', q)).rows.map((r) => [r.id, { verdict: r.cells.verdict, detail: String(r.cells.detail) }]));

  describe('20 minutes into the payments outage', () => {
    const time = event('payments-outage').start + 20 * MINUTE;
    const range = { start: time - HOUR, end: time };

    it('points at the crash-looping payments pod, mesh-wide and on payments\' debug view', async () => {
      const restarts = PAYMENTS_RESTART_MINUTES.filter((m) => m <= 20).length;
      for (const c of [await items('oncall', range), await items('debug', { ...range, namespace: 'payments', service: 'payments' })]) {
        expect(c.restarts?.verdict).toBe('look here');
        expect(c.restarts?.detail).toMatch(new RegExp(`payments/payments-\\S+ ×${restarts}`));
      }
      // checkout's pods did not restart: its own checklist says so.
      expect((await items('debug', { ...range, namespace: 'shop', service: 'checkout' })).restarts?.verdict).toBe('ok');
    });

    it('judges the control plane (istiod converges slowly while endpoints flap) or says Linkerd\'s is not read', async () => {
      const c = await items('oncall', range);
      expect(c['control-plane']?.verdict).toBe(istio ? 'look here' : 'unknown');
      // No kube-state-metrics leases in the fixture: the leader is said unknown, never guessed.
      expect(c.leader?.verdict).toBe('unknown');
      expect(c.traces?.verdict).toBe('unknown');
    });
  });

  describe('after the catalog v2 deploy', () => {
    const deploy = event('catalog-deploy').start;
    const range = { start: deploy - 30 * MINUTE, end: deploy + 30 * MINUTE };

    it.runIf(istio)('lists the rollout and the rejected config pushes', async () => {
      const c = await items('oncall', range);
      expect(c.changes?.verdict).toBe('look here');
      expect(c.changes?.detail).toContain('shop/catalog → v2');
      expect(c.changes?.detail).toMatch(/\d+ config push\(es\) rejected/);
      expect((await items('debug', { ...range, namespace: 'shop', service: 'catalog' })).changes?.detail).toContain('shop/catalog → v2');
    });

    it.runIf(istio)('finds no rollout in a quiet hour before it', async () => {
      const c = await items('oncall', { start: deploy - 3 * HOUR, end: deploy - 2 * HOUR });
      expect(c.changes?.verdict).toBe('ok');
    });

    it.runIf(!istio)('says rollouts cannot be read from Linkerd metrics', async () => {
      expect((await items('oncall', range)).changes).toMatchObject({ verdict: 'unknown', detail: expect.stringMatching(/revision label/) });
    });
  });

  describe('the expiring root certificate', () => {
    it('is worth a look, about 10 days before expiry', async () => {
      const c = await items('oncall', { start: anchor - HOUR, end: anchor });
      expect(c.certificates?.verdict).toBe('look here');
      expect(c.certificates?.detail).toMatch(/expires in (9\.\d|10\.\d) days/);
      expect(c.certificates?.detail).toMatch(istio ? /root/ : /identity/);
    });
  });

  describe('workload certificates', () => {
    /** The simulator's own certificate series at t: the earliest expiry of any proxy alive then (seconds left on Istio, a time on Linkerd). */
    function earliestExpiry(t: number): number {
      const name = istio ? 'istio_agent_cert_expiry_seconds' : 'identity_cert_expiration_timestamp_seconds';
      const alive = (model.families.find((f) => f.name === name)?.series ?? []).filter((s) => t >= s.start && t < s.end);
      return Math.min(...alive.map((s) => (istio ? t + s.value(t) : s.value(t))));
    }

    it('are ok while every proxy renews on schedule, with the earliest expiry the simulator holds', async () => {
      const c = await items('oncall', { start: anchor - HOUR, end: anchor });
      const hours = (earliestExpiry(anchor) - anchor) / HOUR;
      // Renewal at half (Istio) or 70 % (Linkerd) of a 24 h life keeps every proxy above 12 h or 7.2 h.
      expect(hours).toBeGreaterThan(istio ? 12 : 7.2);
      expect(c['workload-certificates']).toMatchObject({ verdict: 'ok', detail: expect.stringContaining(`expires in ${hours.toFixed(1)} hours`) });
    });
  });

  describe('now beside the average', () => {
    it('shows payments\' last 5 minutes beside a day\'s average, each as the truth gives it', async () => {
      const time = event('payments-outage').start + 30 * MINUTE;
      const rows = table(await panel('oncall', 'top-failing', { start: time - 24 * HOUR, end: time })).rows;
      const payments = rows.find((r) => r.cells.namespace === 'payments' && (r.cells.service as { text: string }).text === 'payments');
      const now = service(model.truth(time - 5 * MINUTE, time), 'payments/payments').errorRatio ?? 0;
      const day = service(model.truth(time - 24 * HOUR, time), 'payments/payments').errorRatio ?? 0;
      expect(payments?.cells.errorRatioNow).toBeCloseTo(now, 9);
      expect(payments?.cells.errorRatio).toBeCloseTo(day, 9);
      // The complaint: a small average while half or more fails right now.
      expect(now).toBeGreaterThan(10 * day);
    });

    it('shows catalog\'s p95 of the last 5 minutes beside the range\'s, each as the truth gives it', async () => {
      const deploy = event('catalog-deploy').start;
      // After the rollout, when no pod comes or goes within the hour (its figures are then exact).
      const q = { start: deploy + 10 * MINUTE, end: deploy + 70 * MINUTE, namespace: 'shop', service: 'catalog' };
      const rows = table(await panel('debug', 'route-latency', q)).rows;
      const frontend = rows.find((r) => text(r.cells.caller) === 'shop/frontend');
      const truth = (from: number) => interpolatedQuantile(0.95, edge(model.truth(from, q.end), 'shop/frontend', 'shop/catalog').latencyBuckets) ?? 0;
      // Five minutes hold five or six scrapes, offset from the minute: the window Prometheus sees differs
      // from the truth's by part of a scrape interval, so 1 % (an hour's figure below is exact).
      const now = truth(q.end - 5 * MINUTE);
      expect(Math.abs(Number(frontend?.cells.p95Now) - now) / now).toBeLessThan(0.01);
      expect(frontend?.cells.p95).toBeCloseTo(truth(q.start), 6);
      // Two figures, not one: the last 5 minutes are their own measurement.
      expect(frontend?.cells.p95Now).not.toBe(frontend?.cells.p95);
    });
  });

  describe('latency with markers', () => {
    it('marks payments\' crash-loop restarts on its latency chart when they happened', async () => {
      const start = event('payments-outage').start;
      const r = timeseries(await panel('debug', 'latency-over-time', { start: start - 10 * MINUTE, end: start + 20 * MINUTE, namespace: 'payments', service: 'payments' }));
      expect(r.series.map((s) => s.name)).toEqual(['p50', 'p95', 'p99']);
      const restarts = r.markers.filter((m) => m.label.startsWith('restart payments/payments-'));
      const truth = PAYMENTS_RESTART_MINUTES.filter((m) => m < 20).map((m) => (start + m * MINUTE) * 1000);
      expect(restarts).toHaveLength(truth.length);
      // Seen at the first evaluation after the restart: within one step (and one scrape) of it.
      restarts.forEach((m, i) => {
        expect(m.timeMs).toBeGreaterThanOrEqual(truth[i] ?? 0);
        expect(m.timeMs - (truth[i] ?? 0)).toBeLessThanOrEqual(2 * MINUTE * 1000);
      });
    });

    it.runIf(istio)('marks the catalog v2 rollout on the on-call latency chart and on catalog\'s own', async () => {
      const deploy = event('catalog-deploy').start;
      const range = { start: deploy - HOUR, end: deploy + HOUR };
      for (const r of [await panel('oncall', 'latency', range), await panel('debug', 'latency-over-time', { ...range, namespace: 'shop', service: 'catalog' })]) {
        const marker = timeseries(r).markers.find((m) => m.label === 'shop/catalog → v2');
        expect(marker?.kind).toBe('deployment');
        expect(marker?.timeMs).toBeGreaterThanOrEqual(deploy * 1000);
        expect(Number(marker?.timeMs) - deploy * 1000).toBeLessThan(r.range.step * 1000);
      }
    });
  });
});
