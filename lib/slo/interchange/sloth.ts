import { windowExprs } from '../queries';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';

// Sloth's `prometheus/v1` spec (https://sloth.dev, version: "prometheus/v1"): export; import is in
// sloth-import.ts. Its events SLI is our custom indicator with Sloth's {{.window}} for our {{window}}.
// Sloth has no per-SLO window (its --default-slo-period, 30 days unless set) and its own fixed alert
// policy, which matches Meshwatch's default for 30 days. Pure.

/** Sloth's default SLO period when its CLI is not told otherwise. */
export const SLOTH_DEFAULT_WINDOW = '30d';
export const SLOTH_WINDOW = '{{.window}}';
export const OUR_WINDOW = '{{window}}';

const withSlothWindow = (query: string) => query.split(OUR_WINDOW).join(SLOTH_WINDOW);

function events(spec: SloSpec, source: SliSource) {
  const { bad, total } = windowExprs(spec, OUR_WINDOW, source);
  return { error_query: withSlothWindow(bad), total_query: withSlothWindow(total) };
}

/** One Sloth document holding one SLO. Custom alert policies have no Sloth equivalent (see the header). */
export function toSloth(spec: SloSpec, source: SliSource) {
  return {
    version: 'prometheus/v1',
    service: spec.service,
    labels: { namespace: spec.namespace, team: spec.team },
    slos: [
      {
        name: spec.name,
        objective: spec.objective,
        ...(spec.description ? { description: spec.description } : {}),
        sli: { events: events(spec, source) },
        alerting: {
          name: 'SLOErrorBudgetBurn',
          labels: { team: spec.team },
          page_alert: { labels: { severity: 'page' } },
          ticket_alert: { labels: { severity: 'ticket' } },
        },
      },
    ],
  };
}

/** Notes for the exported file's header, when Sloth cannot express part of the SLO. */
export function slothCaveats(spec: SloSpec): string[] {
  const out: string[] = [];
  if (spec.window !== SLOTH_DEFAULT_WINDOW) out.push(`run Sloth with --default-slo-period=${spec.window}: this SLO's window is ${spec.window}`);
  if (spec.policy) out.push("Sloth applies its own burn-rate policy; this SLO's custom alert policy is not carried over");
  return out;
}
