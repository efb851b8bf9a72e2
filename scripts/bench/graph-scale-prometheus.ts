// A fake Prometheus for the graph-scale browser bench: it answers the graph's PromQL (the Istio plan the
// app builds for `view: 'service'` and WINDOW) with the synthetic mesh's vectors, in Prometheus' JSON, and
// every other call with an empty success of the right shape. So the production build assembles, lays out,
// server-renders and hydrates a 1,000-service graph through its real code, over HTTP, as a user gets it.
import type { GraphVectors } from '@/lib/graph';
import { GRAPH_QUERY_NAMES, istioAdapter } from '@/lib/mesh';
import { startScriptedServer, type RecordedRequest, type ScriptedReply } from '@/lib/prometheus/scripted-server';
import { WINDOW } from './graph-scale-data';

export interface GraphPrometheus {
  url: string;
  /** Graph queries answered with synthetic vectors so far. */
  graphAnswers(): number;
  /** Calls answered empty so far, as `METHOD path` (to see what else the page asks for). */
  otherCalls(): string[];
  stop(): Promise<void>;
}

const success = (data: unknown): ScriptedReply => ({ body: { status: 'success', data } });

/** The parameters of a call, from its form body (POST) or its query string (GET). */
function paramsOf(req: RecordedRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body) : new URL(req.url, 'http://x').searchParams;
}

export async function startGraphPrometheus(vectors: GraphVectors): Promise<GraphPrometheus> {
  const plan = istioAdapter.graphQueries({ window: WINDOW, view: 'service' });
  const byQuery = new Map<string, GraphVectors[keyof GraphVectors]>();
  for (const name of GRAPH_QUERY_NAMES) {
    const promql = plan.queries[name]?.promql;
    if (promql !== undefined) byQuery.set(promql, vectors[name]);
  }
  let graphAnswers = 0;
  const others: string[] = [];
  const server = await startScriptedServer();
  server.reply((req) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    const params = paramsOf(req);
    const samples = pathname === '/api/v1/query' ? byQuery.get(params.get('query') ?? '') : undefined;
    if (samples !== undefined) {
      graphAnswers += 1;
      const time = Number(params.get('time') ?? Date.now() / 1000);
      return success({ resultType: 'vector', result: samples.map((s) => ({ metric: s.labels, value: [time, String(s.value)] })) });
    }
    others.push(`${req.method} ${pathname}`);
    if (pathname === '/api/v1/query') return success({ resultType: 'vector', result: [] });
    if (pathname === '/api/v1/query_range') return success({ resultType: 'matrix', result: [] });
    if (pathname === '/api/v1/status/buildinfo') return success({ version: '2.42.0' });
    if (pathname === '/api/v1/rules') return success({ groups: [] });
    if (pathname === '/api/v1/alerts') return success({ alerts: [] });
    if (pathname === '/api/v1/query_exemplars') return success([]);
    // series, labels, label values: lists.
    return success([]);
  });
  // The scripted server keeps every request; the bench only needs counts, so let them go.
  const keep = setInterval(() => server.requests.splice(0), 1000);
  keep.unref();
  return {
    url: server.url,
    graphAnswers: () => graphAnswers,
    otherCalls: () => [...others],
    stop: async () => {
      clearInterval(keep);
      await server.close();
    },
  };
}
