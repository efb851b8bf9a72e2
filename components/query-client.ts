import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '@/lib/queries/retry';

export { MAX_RETRIES, shouldRetry } from '@/lib/queries/retry';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Times are pinned and rounded in keys, so an answer stays right for the 10 s it covers.
        staleTime: 10_000,
      },
    },
  });
}
