import type { RuleGroup } from './rules';

// The MeshwatchRollout alert: fires while a service's new revision is in its first minutes of serving
// (the mesh adapter's rolloutStarted expression, lib/mesh/rollout.ts). It notifies nobody (severity
// info, no route); its job is to be the source of the inhibition in alertmanager.ts that mutes the
// service's tickets, not its pages, during a rollout. Pure.

export const ROLLOUT_ALERT = 'MeshwatchRollout';
export const ROLLOUT_SEVERITY = 'info';
export const ROLLOUT_GROUP = 'meshwatch-rollouts';

/**
 * How long it fires is set by the expression itself: a revision counts as new until it has served for
 * `muteFor` (its `offset`), so no `for` (it fires at the first evaluation that sees the new revision,
 * before the transient errors of the rollout can turn into tickets) and no keep_firing_for.
 */
export function rolloutRuleGroup(expr: string, muteFor: string): RuleGroup {
  return {
    name: ROLLOUT_GROUP,
    rules: [
      {
        alert: ROLLOUT_ALERT,
        expr,
        for: '0s',
        labels: { severity: ROLLOUT_SEVERITY },
        annotations: {
          summary: `{{ $labels.namespace }}/{{ $labels.service }}: revision {{ $labels.revision }} started serving in the last ${muteFor}`,
          description: `Tickets of {{ $labels.namespace }}/{{ $labels.service }} are muted in Alertmanager for ${muteFor} after a new revision starts serving (rollout inhibition); pages are not.`,
        },
      },
    ],
  };
}
