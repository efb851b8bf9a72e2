// The graph page's state as it lives in the URL, so a link pasted in an incident channel shows the
// same picture: ?time=&window=&range=&namespace=&cluster=&split=&focus=&hops=&q=&hideIdle=&compare=&view=&node=&edge=. Pure.
import { unixSecondsOrUndefined as unix } from '@/lib/format';
import { MAX_HOPS, MIN_HOPS } from './neighbourhood';
import { GRAPH_VIEWS, type GraphView } from '@/lib/mesh/graph';

/** Slider spans (seconds) a user can travel back over from the pinned end. */
export const GRAPH_RANGES = { '1h': 3_600, '6h': 21_600, '24h': 86_400, '7d': 604_800 } as const;
export type GraphRange = keyof typeof GRAPH_RANGES;
export const GRAPH_WINDOWS = ['1m', '5m', '15m', '1h'] as const;
export type GraphWindow = (typeof GRAPH_WINDOWS)[number];

export interface GraphUrlState {
  time?: number;
  /** End of the slider's span; defaults to `time`, the moment the page was opened. */
  end?: number;
  range: GraphRange;
  window: GraphWindow;
  namespace?: string;
  /** Only calls with an end in this mesh cluster. */
  cluster?: string;
  /** One node per service and cluster (`split=cluster`). */
  byCluster: boolean;
  focus?: string;
  hops: number;
  q: string;
  hideIdle: boolean;
  compare?: number;
  /** Services (default) or workloads as nodes. */
  view: GraphView;
  node?: string;
  /** The selected call, as `edgeKey` writes it: `source -> target (protocol)`. */
  edge?: string;
}

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function get(raw: Raw, key: string): string | undefined {
  const v = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
}

export function parseGraphState(raw: Raw): GraphUrlState {
  const range = get(raw, 'range');
  const window = get(raw, 'window');
  const hops = Number(get(raw, 'hops') ?? '1');
  return {
    time: unix(get(raw, 'time')),
    end: unix(get(raw, 'end')),
    range: range !== undefined && range in GRAPH_RANGES ? (range as GraphRange) : '6h',
    window: GRAPH_WINDOWS.find((w) => w === window) ?? '5m',
    namespace: get(raw, 'namespace'),
    cluster: get(raw, 'cluster'),
    byCluster: get(raw, 'split') === 'cluster',
    focus: get(raw, 'focus'),
    hops: Number.isInteger(hops) ? Math.min(MAX_HOPS, Math.max(MIN_HOPS, hops)) : MIN_HOPS,
    q: get(raw, 'q') ?? '',
    hideIdle: get(raw, 'hideIdle') === '1' || get(raw, 'hideIdle') === 'true',
    compare: unix(get(raw, 'compare')),
    view: GRAPH_VIEWS.find((v) => v === get(raw, 'view')) ?? 'service',
    node: get(raw, 'node'),
    edge: get(raw, 'edge'),
  };
}

/** Only non-default values go into the URL, in a fixed order so equal states give equal links. */
export function graphSearch(s: GraphUrlState): string {
  const p = new URLSearchParams();
  if (s.time !== undefined) p.set('time', String(s.time));
  if (s.end !== undefined) p.set('end', String(s.end));
  if (s.range !== '6h') p.set('range', s.range);
  if (s.window !== '5m') p.set('window', s.window);
  if (s.namespace) p.set('namespace', s.namespace);
  if (s.cluster) p.set('cluster', s.cluster);
  if (s.byCluster) p.set('split', 'cluster');
  if (s.focus) p.set('focus', s.focus);
  if (s.focus && s.hops !== MIN_HOPS) p.set('hops', String(s.hops));
  if (s.q) p.set('q', s.q);
  if (s.hideIdle) p.set('hideIdle', '1');
  if (s.compare !== undefined) p.set('compare', String(s.compare));
  if (s.view !== 'service') p.set('view', s.view);
  if (s.node) p.set('node', s.node);
  if (s.edge) p.set('edge', s.edge);
  const text = p.toString();
  return text ? `?${text}` : '';
}
