import { useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { queryKeys } from './keys';
import { isMeshInfo } from './response-guards';

/** The mesh the server reads (detected once per process), and its PromQL editor hints. */
export function useMeshInfo() {
  return useQuery({
    queryKey: queryKeys.mesh(),
    queryFn: ({ signal }) => fetchApi('/api/mesh', isMeshInfo, signal),
    // The mesh of a deployment does not change while a page is open.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
