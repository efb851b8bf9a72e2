import 'server-only';
import { countHttpRequest } from '@/lib/metrics';
import { errorResponse } from './errors';
import { guard } from './guard';

/**
 * Wraps a route handler: the request first passes lib/api/guard.ts (cross-site, access, rate limits),
 * thrown errors become JSON error responses and every response is counted in
 * meshwatch_http_requests_total under `route`, the route pattern (never the raw path).
 */
export function apiHandler<Args extends unknown[]>(
  route: string,
  handler: (...args: Args) => Response | Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    let response: Response;
    try {
      const request = args[0];
      response = (request instanceof Request ? guard(request, route) : null) ?? (await handler(...args));
    } catch (err) {
      response = errorResponse(err);
    }
    countHttpRequest(route, response.status);
    return response;
  };
}
