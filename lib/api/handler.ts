import 'server-only';
import { getEnv } from '@/lib/env';
import { countHttpRequest } from '@/lib/metrics';
import { withRequestDeadline } from '@/lib/prometheus';
import { errorResponse } from './errors';
import { guard } from './guard';

/**
 * Routes that replay history (backtests over a month, the monthly report) run many chunked range
 * queries by design: they get this many request deadlines, so an ordinary page keeps its short one.
 */
export const LONG_DEADLINE_FACTOR = 6;

/** Routes whose work is a replay of history (see LONG_DEADLINE_FACTOR). */
const LONG_ROUTES = new Set(['/api/report', '/api/slos-backtest', '/api/slos/backtest', '/api/slos/[name]/backtest']);

/**
 * Wraps a route handler: the request first passes lib/api/guard.ts (cross-site, access, rate limits);
 * the handler's Prometheus queries share one deadline (MESHWATCH_REQUEST_DEADLINE_MS, a 504 when it
 * passes, however many stages the handler runs; LONG_DEADLINE_FACTOR of it for replays of history); thrown errors become JSON error responses and every
 * response is counted in meshwatch_http_requests_total under `route`, the route pattern (never the raw path).
 */
export function apiHandler<Args extends unknown[]>(
  route: string,
  handler: (...args: Args) => Response | Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    let response: Response;
    try {
      const [first] = args;
      const request = first instanceof Request ? first : null;
      const deadlineMs = getEnv().limits.requestDeadlineMs * (LONG_ROUTES.has(route) ? LONG_DEADLINE_FACTOR : 1);
      response = (request ? guard(request, route) : null) ?? (await withRequestDeadline(deadlineMs, request?.signal, () => handler(...args)));
    } catch (err) {
      response = errorResponse(err);
    }
    countHttpRequest(route, response.status);
    return response;
  };
}
