import type { DeliveryMode, SloAlerting } from '@/lib/slo/alerting-schema';
import type { Tone } from './slo-format';

// What the "Alerting in Prometheus" chip says for one SLO, from GET /api/slos-alerting. Pure.

export interface AlertingChipModel {
  label: string;
  tone: Tone;
  /** Longer explanation (tooltip and accessible description). */
  title: string;
  /** Gitops: where the PrometheusRule bundle downloads. */
  href?: string;
}

export const PROMETHEUS_RULE_BUNDLE = '/api/rules?format=prometheusrule';

interface Context {
  mode: DeliveryMode | undefined;
  pending: boolean;
  error?: string;
  /** Formats unix seconds for the reader (local time on the client; fixed in tests). */
  clock: (unixSeconds: number) => string;
}

export function alertingChip(entry: SloAlerting | undefined, ctx: Context): AlertingChipModel {
  if (ctx.error !== undefined) return { label: 'unknown', tone: 'muted', title: `Could not read rules and alerts from Prometheus: ${ctx.error}` };
  if (!entry) return { label: ctx.pending ? 'checking…' : 'unknown', tone: 'muted', title: 'Reading rules and alerts from Prometheus' };
  const top = entry.alerts[0];
  if (top) {
    const since = top.activeAt === null ? '' : ` since ${ctx.clock(top.activeAt)}`;
    const windows = top.longWindow ? ` (${top.longWindow}/${top.shortWindow ?? '?'} burn rate)` : '';
    const tone: Tone = top.state === 'firing' && top.severity === 'page' ? 'bad' : 'warn';
    const others = entry.alerts.length > 1 ? `; ${entry.alerts.length - 1} more alert(s) pending or firing` : '';
    // Prometheus reports when an alert became active (pending), not when its `for` ran out and it fired.
    const title = `Prometheus: ${top.severity} alert ${top.state}${windows}, active${since}${others}`;
    return { label: `${top.state} ${top.severity}${since}`, tone, title };
  }
  switch (entry.rules) {
    case 'loaded':
      return { label: 'rules loaded', tone: 'good', title: entry.detail ?? 'Prometheus evaluates this SLO’s recording and burn-rate rules; no alert is pending or firing' };
    case 'rejected':
      // detail carries promtool's words; the tooltip is where the reader finds what to fix.
      return { label: 'rules rejected by promtool', tone: 'bad', title: entry.detail ?? 'promtool rejects this SLO’s rules, so they are left out of the rule file' };
    case 'stale':
      return { label: 'rules stale', tone: 'warn', title: entry.detail ?? 'Prometheus holds an older version of this SLO’s rules' };
    case 'not_loaded':
      return ctx.mode === 'gitops'
        ? { label: 'gitops: download PrometheusRule', tone: 'muted', href: PROMETHEUS_RULE_BUNDLE, title: 'Meshwatch does not write rule files here (no MESHWATCH_RULES_FILE): apply the PrometheusRule resources with your GitOps tooling' }
        : { label: 'rules not loaded', tone: 'warn', title: 'Prometheus has no rules for this SLO yet; the rule file sync may have failed (see GET /api/rules)' };
  }
}

/**
 * The "In Prometheus" cell of one alert pair on the detail page: the rule's own state, which waits
 * for its `for:` (pending, then firing), beside the status's "burn above threshold now", which does not.
 */
export function prometheusStateOf(pair: { severity: string; longWindow: string; shortWindow: string }, entry: SloAlerting | undefined): { label: string; tone: Tone } {
  if (!entry) return { label: 'unknown', tone: 'muted' };
  if (entry.rules === 'not_loaded') return { label: 'rules not loaded', tone: 'muted' };
  if (entry.rules === 'rejected') return { label: 'rules rejected', tone: 'bad' };
  const found = entry.alerts.find((a) => a.severity === pair.severity && a.longWindow === pair.longWindow && a.shortWindow === pair.shortWindow);
  const stale = entry.rules === 'stale' ? ' (rules stale)' : '';
  if (!found) return { label: `not active${stale}`, tone: 'muted' };
  if (found.state === 'pending') return { label: `pending, waiting for its for:${stale}`, tone: 'warn' };
  return { label: `firing${stale}`, tone: found.severity === 'page' ? 'bad' : 'warn' };
}
