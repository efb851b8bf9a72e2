import { isApiError } from '@/lib/api/api-error';

/** Retries after the first failure: enough to ride out a Prometheus restart, not to hammer it. */
export const MAX_RETRIES = 2;

/** No retry on 4xx or malformed answers (they will not change); up to MAX_RETRIES on 5xx and network errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && !error.retryable) return false;
  return failureCount < MAX_RETRIES;
}
