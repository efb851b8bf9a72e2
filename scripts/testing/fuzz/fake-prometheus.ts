// A Prometheus for the API fuzz suite: every query succeeds with an empty result, except what a real
// Prometheus refuses (seen while fuzzing against one, issue 12): text that is not clean UTF-8, control
// characters, and range queries whose step overflows a Go duration or asks for over 11,000 points.
// Any 5xx the API then answers is the API's fault, not the upstream's.
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from '@/lib/prometheus/scripted-server';

const ok = (data: unknown): ScriptedReply => ({ body: { status: 'success', data } });
const badData = (error: string): ScriptedReply => ({ status: 400, body: { status: 'error', errorType: 'bad_data', error } });

/** Go's time.Duration holds at most 2^63 ns, about 292 years. */
const MAX_GO_DURATION_SECONDS = 9_223_372_036;
/** Prometheus' limit on points per series in a range query. */
const MAX_POINTS = 11_000;

const UNCLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

function reply(req: RecordedRequest): ScriptedReply {
  const [path = '', queryString = ''] = req.url.split('?');
  const params = new URLSearchParams(req.method === 'POST' ? req.body : queryString);
  for (const value of params.values()) if (UNCLEAN.test(value)) return badData('invalid UTF-8 or control character in query');
  if (path === '/api/v1/query') return ok({ resultType: 'vector', result: [] });
  if (path === '/api/v1/query_range') {
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const step = Number(params.get('step'));
    if (!(step > 0) || step > MAX_GO_DURATION_SECONDS) return badData('invalid parameter "step": cannot parse to a valid duration');
    if ((end - start) / step > MAX_POINTS) return badData('exceeded maximum resolution of 11,000 points per timeseries');
    return ok({ resultType: 'matrix', result: [] });
  }
  if (path === '/api/v1/series' || path === '/api/v1/labels' || path === '/api/v1/query_exemplars' || /^\/api\/v1\/label\/.+\/values$/.test(path)) return ok([]);
  if (path === '/api/v1/rules') return ok({ groups: [] });
  if (path === '/api/v1/alerts') return ok({ alerts: [] });
  if (path === '/api/v1/status/buildinfo') return ok({ version: '2.42.0' });
  if (path === '/-/reload') return { body: '' };
  return { status: 404, contentType: 'text/plain', body: '404 page not found' };
}

export async function startFakePrometheus(): Promise<ScriptedServer> {
  const server = await startScriptedServer();
  server.reply(reply);
  return server;
}
