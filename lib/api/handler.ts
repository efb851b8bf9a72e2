import 'server-only';
import { getEnv } from '@/lib/env';
import { countHttpRequest } from '@/lib/metrics';
import { withRequestDeadline } from '@/lib/prometheus';
import { errorResponse } from './errors';

/**
 * Wraps a route handler: its Prometheus queries share one deadline (MESHWATCH_REQUEST_DEADLINE_MS,
 * a 504 when it passes, however many stages the handler runs), thrown errors become JSON error
 * responses and every response is counted in meshwatch_http_requests_total under `route`, the route
 * pattern (never the raw path).
 */
export function apiHandler<Args extends unknown[]>(
  route: string,
  handler: (...args: Args) => Response | Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    let response: Response;
    try {
      const [first] = args;
      const signal = first instanceof Request ? first.signal : undefined;
      response = await withRequestDeadline(getEnv().limits.requestDeadlineMs, signal, () => handler(...args));
    } catch (err) {
      response = errorResponse(err);
    }
    countHttpRequest(route, response.status);
    return response;
  };
}
