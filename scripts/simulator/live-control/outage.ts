// A control-plane outage injected into a running simulator: for a while istiod (Istio) or Linkerd's
// controllers report nothing, as when their pods are gone; the proxies go on serving with the
// configuration they have. Lives in live-control so the fixture TSDB key does not change.
//
// A series of the control plane is split around each outage: it ends where the outage starts and a
// copy with the same labels and values starts where it ends, so both the live registry and the history
// writer (which read a series between its start and end) leave the gap.
import type { Family, Labels, Series } from '../series';
import type { Mesh } from '../topology';

export interface Outage {
  /** Unix seconds. */
  start: number;
  end: number;
}

/** The control plane's own series: istiod's pod, or any pod in the linkerd namespace. */
const CONTROL_PLANE: Record<Mesh, (labels: Labels) => boolean> = {
  istio: (l) => l.namespace === 'istio-system' && l.app === 'istiod',
  linkerd: (l) => l.namespace === 'linkerd',
};

function split(series: Series, outages: readonly Outage[]): Series[] {
  let pieces: Series[] = [series];
  for (const o of [...outages].sort((a, b) => a.start - b.start)) {
    pieces = pieces.flatMap((p) => {
      if (o.end <= p.start || o.start >= p.end) return [p];
      const out: Series[] = [];
      if (o.start > p.start) out.push({ ...p, end: o.start });
      if (o.end < p.end) out.push({ ...p, start: o.end });
      return out;
    });
  }
  return pieces;
}

/** The family with the control plane's series cut out during every outage; other series as they are. */
export function applyOutages(family: Family, outages: readonly Outage[], mesh: Mesh): Family {
  if (outages.length === 0) return family;
  const ours = CONTROL_PLANE[mesh];
  return { ...family, series: family.series.flatMap((s) => (ours(s.labels) ? split(s, outages) : [s])) };
}
