import { isUnsupported, type MeshHealthSignals, type Unsupported } from '@/lib/mesh';
import { absoluteHref } from '@/lib/links';
import { MESH_HEALTH_LABEL } from '@/lib/slo/rules/alertmanager';
import type { AlertingRule, RuleGroup } from '@/lib/slo/rules/rules';
import { MESH_ALERTS, resolveSettings, runbookHref, type MeshAlertDefinition, type MeshAlertId, type MeshAlertSetting } from './catalog';

// The mesh-health rule group: one alert rule per enabled alert whose signal the mesh reports,
// comparing the mesh adapter's expression with the user's threshold. Pure.

export const MESH_HEALTH_GROUP = 'meshwatch-mesh-health';
/** Window of the rejected-push and restart counts (the thresholds say "in 15 minutes", "in an hour"). */
export const REJECTS_WINDOW = '15m';
export const RESTARTS_WINDOW = '1h';
/** Connected proxies now against this long ago. */
export const DISCONNECT_BASELINE = '30m';
/** A drop in connections must last this long: proxies reconnect within seconds after an istiod restart. */
const DISCONNECT_FOR = '5m';
/**
 * Certificate expiry and restart counts only move one way between renewals or restarts, so they page
 * at the first evaluation past the threshold; no pending period is needed against flapping.
 */
const AT_ONCE = '0s';

const HOUR = 3600;
const DAY = 86_400;

/** Prometheus' own number format would print 1e-7; thresholds are ours and plain decimals. */
const num = (n: number) => String(Number(n.toFixed(6)));

export interface MeshAlertRule {
  id: MeshAlertId;
  rule: AlertingRule | null;
  /** Why there is no rule on this mesh (the signal does not exist there). */
  unavailable?: Unsupported;
}

function exprOf(def: MeshAlertDefinition, t: number, s: MeshHealthSignals): { expr: string; for: string } | Unsupported {
  switch (def.id) {
    case 'control-plane-down':
      // count() gives one sample without labels, whichever of the conditions holds.
      return { expr: `count(${s.controlPlaneDown}) > 0`, for: `${num(t)}m` };
    case 'config-rejected':
      return isUnsupported(s.configRejects) ? s.configRejects : { expr: `${s.configRejects(REJECTS_WINDOW)} > ${num(t)}`, for: AT_ONCE };
    case 'proxies-disconnected':
      return isUnsupported(s.connectedProxies)
        ? s.connectedProxies
        : { expr: `${s.connectedProxies()} < ${num(1 - t / 100)} * ${s.connectedProxies(DISCONNECT_BASELINE)}`, for: DISCONNECT_FOR };
    case 'ca-cert-ticket':
    case 'ca-cert-page':
      return { expr: `${s.caCertSecondsLeft} < ${num(t * DAY)}`, for: AT_ONCE };
    case 'workload-cert-ticket':
    case 'workload-cert-page':
      return typeof s.workloadCertSecondsLeft !== 'string' ? s.workloadCertSecondsLeft : { expr: `${s.workloadCertSecondsLeft} < ${num(t * HOUR)}`, for: AT_ONCE };
    case 'proxy-oom-killed':
      return { expr: `${s.proxyOomKills(RESTARTS_WINDOW)} >= ${num(t)}`, for: AT_ONCE };
    case 'proxy-restarts':
      return { expr: `${s.proxyRestarts(RESTARTS_WINDOW)} >= ${num(t)}`, for: AT_ONCE };
  }
}

/**
 * The summary and description: what crossed which threshold. Only `{{ $labels.x }}` templates, so the
 * generated promtool tests can spell every annotation out exactly.
 */
function annotations(def: MeshAlertDefinition, t: number, s: MeshHealthSignals): { summary: string; description: string } {
  switch (def.id) {
    case 'control-plane-down':
      return { summary: `Mesh control plane down or not ready for ${num(t)} minutes`, description: `Read from ${s.controlPlaneText}. Proxies keep their last configuration, but new pods get none and certificates stop renewing.` };
    case 'config-rejected':
      return { summary: `Proxies rejected config pushes from {{ $labels.pod }}`, description: `More than ${num(t)} rejected pushes in ${REJECTS_WINDOW}: some proxies run without the latest configuration.` };
    case 'proxies-disconnected':
      return { summary: `Proxies connected to the control plane fell by more than ${num(t)} % in ${DISCONNECT_BASELINE}`, description: `Fewer proxies are connected now than ${num(100 - t)} % of those connected ${DISCONNECT_BASELINE} ago.` };
    case 'ca-cert-ticket':
    case 'ca-cert-page':
      return { summary: `Mesh CA certificate {{ $labels.cert }} expires within ${num(t)} days`, description: `Less than ${num(t)} days left on ${s.caCertText}. When it expires, proxies can no longer get or trust workload certificates.` };
    case 'workload-cert-ticket':
    case 'workload-cert-page':
      return { summary: `Workload certificate of {{ $labels.namespace }}/{{ $labels.pod }} expires within ${num(t)} hours`, description: `Less than ${num(t)} hours left on ${s.workloadCertText}: its renewal is failing.` };
    case 'proxy-oom-killed':
      return { summary: `Proxy of {{ $labels.namespace }}/{{ $labels.pod }} OOM-killed in the last ${RESTARTS_WINDOW}`, description: `At least ${num(t)} OOM kills of the sidecar in ${RESTARTS_WINDOW}: it ran out of memory and its pod dropped connections while it restarted.` };
    case 'proxy-restarts':
      return { summary: `Proxy of {{ $labels.namespace }}/{{ $labels.pod }} restarting repeatedly`, description: `At least ${num(t)} restarts of the sidecar in ${RESTARTS_WINDOW}.` };
  }
}

/** Every alert's rule, or why it has none (turned off, or not on this mesh). */
export function meshAlertRules(signals: MeshHealthSignals, stored: readonly MeshAlertSetting[], publicUrl?: string): MeshAlertRule[] {
  const settings = resolveSettings(stored);
  return MESH_ALERTS.map((def) => {
    const setting = settings.find((x) => x.id === def.id) as MeshAlertSetting;
    const e = exprOf(def, setting.threshold, signals);
    if (isUnsupported(e)) return { id: def.id, rule: null, unavailable: e };
    if (!setting.enabled) return { id: def.id, rule: null };
    const text = annotations(def, setting.threshold, signals);
    const rule: AlertingRule = {
      alert: def.alert,
      expr: e.expr,
      for: e.for,
      labels: { severity: def.severity, [MESH_HEALTH_LABEL]: def.id },
      annotations: {
        ...text,
        // Absolute against MESHWATCH_PUBLIC_URL like the SLO alerts' links; relative without it.
        runbook_url: absoluteHref(runbookHref(def.id), publicUrl),
        threshold: `${num(setting.threshold)} ${def.threshold.unit}`,
      },
    };
    return { id: def.id, rule };
  });
}

/** The group written into the rule file beside the SLOs' groups; none when every alert is off. */
export function meshHealthGroups(signals: MeshHealthSignals, stored: readonly MeshAlertSetting[], publicUrl?: string): RuleGroup[] {
  const rules = meshAlertRules(signals, stored, publicUrl).flatMap((r) => (r.rule ? [r.rule] : []));
  return rules.length === 0 ? [] : [{ name: MESH_HEALTH_GROUP, rules }];
}
