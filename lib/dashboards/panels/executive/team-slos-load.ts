import 'server-only';
// The stored SLOs and their statuses at the panel's instant, through the same bulk evaluation as
// /api/slos-status: one query for the recording rules' series and one raw query per window per
// indicator kind for what they lack (sent beside it where they are not expected, recorded-expect.ts, and
// after it where they are unexpectedly missing: a window asked in both rounds is two queries over disjoint
// SLOs). The count depends on windows and kinds, at most twice, never on how many SLOs.
import type { CountQuery } from '@/lib/slo-engine/bulk-queries';
import { RECORDED_QUERY_ID } from '@/lib/slo-engine/recorded-read';
import type { SloStatus } from '@/lib/slo/status-schema';
import { storedSloStatuses } from '@/lib/slo-engine/stored-statuses';
import type { PanelParams } from '../../params';
import { instant, type Loaded, type PanelIo, type PanelQuery } from '../types';
import type { TeamSloInput } from './team-slos';

/** How many SLO windows came from the recording rules and how many from the raw counters. */
export function sourceCounts(statuses: readonly SloStatus[]): { recorded: number; raw: number } {
  const all = statuses.flatMap((s) => Object.values(s.source ?? {}));
  return { recorded: all.filter((x) => x === 'recorded').length, raw: all.filter((x) => x === 'raw').length };
}

/** The Inspect line of one evaluation query, saying which path its figures took. */
export function sloQueryPurpose(q: CountQuery, slos: number, counts: { recorded: number; raw: number }): string {
  if (q.id === RECORDED_QUERY_ID) {
    const total = counts.recorded + counts.raw;
    return `SLO figures from recording rules, read first for ${slos} SLO${slos === 1 ? '' : 's'}: ${counts.recorded} of ${total} SLO windows came from recorded series, ${counts.raw} from raw counters`;
  }
  const [kind = '', name = '', window = name] = q.id.split(':');
  if (kind.endsWith('-by-cluster')) return `SLO figures per region: ${kind.replace('-by-cluster', '')} SLOs evaluated per region over ${window}, grouped by service and serving cluster`;
  if (kind === 'custom') return `SLO figures from raw counters: custom SLO ${name} over ${window} (no recorded series for it)`;
  return `SLO figures from raw counters: ${kind} SLOs over ${window}, grouped by service (windows without a recorded series, or SLOs too new to expect one)`;
}

/**
 * Every stored SLO (of the dashboard's namespace, when one is chosen) with its status at `end`: the
 * executive's team rows and on-call's service verdicts read the same evaluation.
 */
export async function loadPanelSlos(p: PanelParams, { client, signal }: PanelIo): Promise<Loaded<TeamSloInput[]>> {
  const { value, queries } = await storedSloStatuses({ client, time: p.end, namespace: p.namespace, signal });
  const counts = sourceCounts(value.flatMap((v) => (v.status ? [v.status] : [])));
  return {
    value,
    queries: queries.map((q): PanelQuery<'instant'> => instant(sloQueryPurpose(q, value.length, counts), q.query)),
    warnings: value.flatMap((v) => (v.error ? [`SLO ${v.spec.name} could not be evaluated: ${v.error}`] : [])),
  };
}
