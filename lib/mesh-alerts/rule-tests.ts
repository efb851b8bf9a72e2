import { Document } from 'yaml';
import type { MeshHealthSignals } from '@/lib/mesh';
import { expandTemplate } from '@/lib/slo/rules/go-template';
import { seriesText } from '@/lib/slo/rules/rule-test-series';
import type { AlertingRule } from '@/lib/slo/rules/rules';
import type { SeriesId } from '@/lib/slo/sli-source';
import { meshAlertDefinition, type MeshAlertId, type MeshAlertSetting } from './catalog';
import { meshAlertRules, meshHealthGroups, type MeshAlertRule } from './rules';

// A `promtool test rules` file for the mesh-health group: for each generated alert, input series in
// the mesh's own names that are healthy first and cross the threshold later; the alert must be silent
// before and fire after (with its pending period). Expectations come from the thresholds, not from
// evaluating the rules. Pure.

export const MESH_RULES_FILE = 'meshwatch-mesh-health.rules.yml';
export const MESH_TESTS_FILE = 'meshwatch-mesh-health.test.yml';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** A certificate's seconds left at minute 0 of its test: the threshold plus five minutes, then one minute less every minute. */
const CERT_MARGIN_S = 300;
/** Connected proxies before the drop. */
const BASELINE_PROXIES = 1000;

interface Case {
  eval_time: string;
  alertname: string;
  exp_alerts: Array<{ exp_labels: Record<string, string>; exp_annotations: Record<string, string> }>;
}
interface Input {
  series: string;
  values: string;
}

const m = (minutes: number) => `${minutes}m`;
const input = (s: SeriesId, values: string): Input => ({ series: seriesText(s), values });

function expected(rule: AlertingRule, labels: Record<string, string>) {
  const all = { ...labels, ...rule.labels };
  return {
    exp_labels: all,
    exp_annotations: Object.fromEntries(Object.entries(rule.annotations).map(([k, v]) => [k, expandTemplate(v, { value: 0, labels: all })])),
  };
}

type Rules = ReadonlyMap<MeshAlertId, { rule: AlertingRule; threshold: number }>;

/** Certificate alerts of one kind (CA or workload) share an alert name: every one is expected whose threshold the seconds left are under. */
function certTests(kind: 'ca' | 'workload', rules: Rules, s: MeshHealthSignals) {
  const cert = kind === 'ca' ? s.testSeries.caCert : s.testSeries.workloadCert;
  if (!cert) return [];
  const ids: MeshAlertId[] = kind === 'ca' ? ['ca-cert-ticket', 'ca-cert-page'] : ['workload-cert-ticket', 'workload-cert-page'];
  const unit = kind === 'ca' ? DAY : HOUR;
  const mine = ids.flatMap((id) => {
    const r = rules.get(id);
    return r ? [{ id, ...r, seconds: r.threshold * unit }] : [];
  });
  return mine.map((target) => {
    const left0 = Math.round(target.seconds) + CERT_MARGIN_S;
    const leftAt = (minute: number) => left0 - minute * MINUTE;
    const values = cert.reads === 'expiry-timestamp' ? `${left0}x15` : `${left0}-${MINUTE}x15`;
    const at = (minute: number): Case => ({
      eval_time: m(minute),
      alertname: target.rule.alert,
      exp_alerts: mine.filter((x) => leftAt(minute) < x.seconds).map((x) => expected(x.rule, cert.resultLabels)),
    });
    return {
      name: `${target.id}: ${cert.series.metric} crosses ${target.threshold} ${kind === 'ca' ? 'days' : 'hours'} at 5m`,
      interval: '1m',
      input_series: [input(cert.series, values)],
      alert_rule_test: [at(4), at(10)],
    };
  });
}

function oneTest(id: MeshAlertId, rule: AlertingRule, threshold: number, s: MeshHealthSignals) {
  const ts = s.testSeries;
  const none = (minute: number): Case => ({ eval_time: m(minute), alertname: rule.alert, exp_alerts: [] });
  const fires = (minute: number, labels: Record<string, string>): Case => ({ eval_time: m(minute), alertname: rule.alert, exp_alerts: [expected(rule, labels)] });
  switch (id) {
    case 'control-plane-down': {
      // Up for 10 minutes, then gone: absent once the last sample leaves the 5-minute lookback.
      const gone = 10 + 5 + 1;
      return [{ name: `${id}: the control plane stops reporting at 10m`, interval: '1m', input_series: ts.controlPlaneUp.map((u) => input(u, '1x9')), alert_rule_test: [none(9), fires(gone + threshold + 1, {})] }];
    }
    case 'config-rejected':
      if (!ts.configRejects) return [];
      return [
        {
          name: `${id}: ${threshold + 1} pushes rejected at 11m`,
          interval: '1m',
          input_series: [input(ts.configRejects, `0x10 ${threshold + 1}x10`)],
          alert_rule_test: [none(10), fires(12, { pod: ts.configRejects.labels.pod ?? '' })],
        },
      ];
    case 'proxies-disconnected': {
      if (!ts.connectedProxies) return [];
      const after = Math.ceil(BASELINE_PROXIES * (1 - threshold / 100)) - 1;
      if (after < 0) return [];
      return [
        {
          name: `${id}: connected proxies fall from ${BASELINE_PROXIES} to ${after} at 41m`,
          interval: '1m',
          input_series: [input(ts.connectedProxies, `${BASELINE_PROXIES}x40 ${after}x30`)],
          alert_rule_test: [none(40), fires(52, {})],
        },
      ];
    }
    case 'proxy-oom-killed':
    case 'proxy-restarts': {
      const pod = { namespace: ts.restarts.labels.namespace ?? '', pod: ts.restarts.labels.pod ?? '' };
      const series = [input(ts.restarts, `0x10 ${threshold}x10`), ...(id === 'proxy-oom-killed' ? [input(ts.oomReason, '1x20')] : [])];
      return [{ name: `${id}: ${threshold} restarts at 11m`, interval: '1m', input_series: series, alert_rule_test: [none(10), fires(15, pod)] }];
    }
    default:
      return [];
  }
}

/** The test file's object for the rules `meshAlertRules` gives with these settings. */
export function meshRuleTests(s: MeshHealthSignals, settings: readonly MeshAlertSetting[], publicUrl?: string) {
  const generated: MeshAlertRule[] = meshAlertRules(s, settings, publicUrl);
  const thresholds = new Map(settings.map((x) => [x.id, x.threshold]));
  const rules: Rules = new Map(
    generated.flatMap((g) => (g.rule ? [[g.id, { rule: g.rule, threshold: thresholds.get(g.id) ?? meshAlertDefinition(g.id).threshold.default }] as const] : [])),
  );
  const tests = [
    ...[...rules].flatMap(([id, r]) => oneTest(id, r.rule, r.threshold, s)),
    ...certTests('ca', rules, s),
    ...certTests('workload', rules, s),
  ];
  return { rule_files: [MESH_RULES_FILE], evaluation_interval: '1m', tests };
}

export function meshRuleTestsYaml(s: MeshHealthSignals, settings: readonly MeshAlertSetting[], publicUrl?: string): string {
  const doc = new Document(meshRuleTests(s, settings, publicUrl), { aliasDuplicateObjects: false });
  doc.commentBefore = ` Generated by Meshwatch: unit tests of the mesh-health alert rules. Keep next to ${MESH_RULES_FILE} and run: promtool test rules ${MESH_TESTS_FILE}`;
  return doc.toString({ lineWidth: 0 });
}

/** The rule file the tests above are written for: the mesh-health group alone. */
export function meshRulesYaml(s: MeshHealthSignals, settings: readonly MeshAlertSetting[], publicUrl?: string): string {
  return new Document({ groups: meshHealthGroups(s, settings, publicUrl) }, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}
