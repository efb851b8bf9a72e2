import { Document } from 'yaml';
import { TEMPLATES_FILE, TEMPLATE_NAMES } from './alertmanager-templates';
import { ALERT_NAME } from './rules';
import { ROLLOUT_ALERT } from './rollout';

// Alertmanager routing and inhibition for the burn-rate alerts of rules.ts (labels slo, service,
// namespace, team, severity, and region for perRegion SLOs). Pure: the API serves it, the demo's
// Alertmanager runs it, amtool checks it.

export const PAGE_RECEIVER = 'meshwatch-page';
export const TICKET_RECEIVER = 'meshwatch-ticket';
/** Root receiver of the standalone file: alerts that are not Meshwatch's land here and go nowhere. */
export const DEFAULT_RECEIVER = 'meshwatch-default';
/**
 * One notification per SLO and region: its page pairs (1h and 6h) or ticket pairs (1d and 3d) share a
 * group. Alerts without a region (single cluster, or an SLO not evaluated per region) group as before:
 * Alertmanager leaves a label the alert lacks out of the group's labels.
 */
export const GROUP_BY = ['team', 'region', 'service', 'slo'] as const;

/**
 * Timings per severity. A page wakes someone: send within 30 s of the first alert of a group, update a
 * changed group every 5 min and remind hourly while it fires. A ticket can wait: 5 min to collect the
 * group's pairs, updates every 30 min, a reminder a day (Alertmanager's defaults are 30s, 5m, 4h).
 */
export const TIMINGS = {
  page: { group_wait: '30s', group_interval: '5m', repeat_interval: '1h' },
  ticket: { group_wait: '5m', group_interval: '30m', repeat_interval: '24h' },
} as const;

export interface AlertmanagerOptions {
  /** Teams that get their own receivers (`meshwatch-page-<team>`), before the shared ones. */
  teams?: readonly string[];
}

type Route = Record<string, unknown>;

/** Alertmanager matcher syntax: the value is a double-quoted string with Go escapes. */
export function matcher(label: string, value: string): string {
  return `${label}=${JSON.stringify(value)}`;
}

export const teamReceiver = (severity: 'page' | 'ticket', team: string) => `meshwatch-${severity}-${team}`;

function uniqueTeams(opts: AlertmanagerOptions): string[] {
  return [...new Set(opts.teams ?? [])].filter((t) => t.trim() !== '').sort();
}

function severityRoute(severity: 'page' | 'ticket', teams: string[]): Route {
  const route: Route = {
    matchers: [matcher('severity', severity)],
    receiver: severity === 'page' ? PAGE_RECEIVER : TICKET_RECEIVER,
    ...TIMINGS[severity],
  };
  if (teams.length > 0) route.routes = teams.map((team) => ({ matchers: [matcher('team', team)], receiver: teamReceiver(severity, team) }));
  return route;
}

/** The route subtree: matches the burn-rate alerts, groups them per SLO, splits by severity. */
export function meshwatchRoute(opts: AlertmanagerOptions = {}): Route {
  const teams = uniqueTeams(opts);
  return {
    matchers: [matcher('alertname', ALERT_NAME)],
    // A severity the generator never writes still reaches someone, as a ticket.
    receiver: TICKET_RECEIVER,
    group_by: [...GROUP_BY],
    routes: [severityRoute('page', teams), severityRoute('ticket', teams)],
  };
}

/** The label every generated mesh-health alert carries (lib/mesh-alerts/rules.ts): its setting's id. */
export const MESH_HEALTH_LABEL = 'meshwatch_alert';
/** Mesh-health alerts notify once per alert and cluster (a CA certificate, a control plane, a cluster's proxies). */
export const MESH_HEALTH_GROUP_BY = ['alertname', 'cluster'] as const;

/**
 * The mesh-health alerts (control plane, certificates, proxies): the same page and ticket receivers
 * and timings as the burn-rate alerts; they belong to the mesh, not to a team's SLO.
 */
export function meshHealthRoute(): Route {
  return {
    matchers: [`${MESH_HEALTH_LABEL}=~".+"`],
    receiver: TICKET_RECEIVER,
    group_by: [...MESH_HEALTH_GROUP_BY],
    routes: [severityRoute('page', []), severityRoute('ticket', [])],
  };
}

/**
 * A firing page of an SLO mutes that SLO's tickets in the same region: the page already has someone's
 * attention, and a ticket for the same burn would only repeat it. Other SLOs' tickets stay, and so do
 * another region's (a label both alerts lack counts as equal, so region-less alerts inhibit as before).
 */
export function meshwatchInhibitRules(): Route[] {
  return [
    {
      source_matchers: [matcher('alertname', ALERT_NAME), matcher('severity', 'page')],
      target_matchers: [matcher('alertname', ALERT_NAME), matcher('severity', 'ticket')],
      equal: ['slo', 'region'],
    },
    // A rollout's transient errors are expected: while MeshwatchRollout fires for a service (its first
    // MESHWATCH_ROLLOUT_MUTE of serving, lib/slo/rules/rollout.ts), its tickets wait; its pages still wake someone.
    {
      source_matchers: [matcher('alertname', ROLLOUT_ALERT)],
      target_matchers: [matcher('severity', 'ticket')],
      equal: ['namespace', 'service'],
    },
    // A mesh-health page (the CA certificate within a day, a workload certificate within the hour)
    // mutes the ticket of the same alert on the same thing: the ticket only says it earlier.
    {
      source_matchers: [`${MESH_HEALTH_LABEL}=~".+"`, matcher('severity', 'page')],
      target_matchers: [`${MESH_HEALTH_LABEL}=~".+"`, matcher('severity', 'ticket')],
      equal: ['alertname', 'cluster', 'cert', 'namespace', 'pod'],
    },
  ];
}

/** Placeholder receivers without integrations (Alertmanager drops their notifications). */
export function meshwatchReceivers(opts: AlertmanagerOptions = {}): Array<{ name: string }> {
  const teams = uniqueTeams(opts);
  const names = [PAGE_RECEIVER, TICKET_RECEIVER, ...teams.flatMap((t) => [teamReceiver('page', t), teamReceiver('ticket', t)])];
  return names.map((name) => ({ name }));
}

/**
 * A complete alertmanager.yml object: the notification templates (loaded from beside the file; a
 * missing file only matters once a receiver calls them), default route, the Meshwatch subtree,
 * receivers, inhibition.
 */
export function alertmanagerConfig(opts: AlertmanagerOptions = {}) {
  return {
    templates: [TEMPLATES_FILE],
    route: { receiver: DEFAULT_RECEIVER, group_by: ['alertname'], routes: [meshwatchRoute(opts), meshHealthRoute()] },
    receivers: [{ name: DEFAULT_RECEIVER }, ...meshwatchReceivers(opts)],
    inhibit_rules: meshwatchInhibitRules(),
  };
}

/** The parts to merge into an existing alertmanager.yml. */
export function alertmanagerFragment(opts: AlertmanagerOptions = {}) {
  return { templates: [TEMPLATES_FILE], route: { routes: [meshwatchRoute(opts), meshHealthRoute()] }, receivers: meshwatchReceivers(opts), inhibit_rules: meshwatchInhibitRules() };
}

const YAML_OPTIONS = { lineWidth: 0 } as const;

const RECEIVER_NOTE =
  ` The receivers have no integrations yet, so notifications go nowhere: give ${PAGE_RECEIVER} your pager` +
  ` (pagerduty_configs, opsgenie_configs...) and ${TICKET_RECEIVER} your ticket queue or chat (webhook_configs, slack_configs...).` +
  ` ${TEMPLATES_FILE} (GET /api/alertmanager?format=templates, saved beside this file) gives their text links pinned at each alert's start:` +
  ` e.g. slack_configs text: '{{ template "${TEMPLATE_NAMES.text}" . }}', pagerduty_configs links href: '{{ template "${TEMPLATE_NAMES.debugUrl}" (index .Alerts 0) }}'.`;

/** alertmanager.yml for a fresh Alertmanager (the demo runs this one). */
export function alertmanagerYaml(opts: AlertmanagerOptions = {}): string {
  const doc = new Document(alertmanagerConfig(opts), { aliasDuplicateObjects: false });
  doc.commentBefore = ` Generated by Meshwatch: routing and inhibition for the ${ALERT_NAME} alerts of its SLO rules.\n${RECEIVER_NOTE}`;
  return doc.toString(YAML_OPTIONS);
}

/** The fragment as YAML, with where each part goes. */
export function alertmanagerFragmentYaml(opts: AlertmanagerOptions = {}): string {
  const doc = new Document(alertmanagerFragment(opts), { aliasDuplicateObjects: false });
  doc.commentBefore =
    ` Generated by Meshwatch: merge into your alertmanager.yml. Put route.routes[0] and [1] first under your route.routes` +
    ` (before any catch-all route), append the receivers and the inhibit rules, add ${TEMPLATES_FILE} to your templates.\n${RECEIVER_NOTE}`;
  return doc.toString(YAML_OPTIONS);
}
