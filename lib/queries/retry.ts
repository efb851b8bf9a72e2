import { isApiError } from '@/lib/api/api-error';

/**
 * One retry rides out a dropped connection or a Prometheus restart; more made an outage show its error
 * only after 20-25 s, while every panel hammered the failing upstream three times.
 */
export const MAX_RETRIES = 1;

/**
 * No retry on 4xx, malformed answers or an upstream timeout (504: the query already ran for the whole
 * server deadline and would again); one retry on other 5xx and network errors.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && !error.retryable) return false;
  return failureCount < MAX_RETRIES;
}
