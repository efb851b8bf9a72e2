import { useQuery } from '@tanstack/react-query';
import { fetchApi } from './api-fetch';
import { queryKeys } from './keys';
import { isClusters, isMeshInfo } from './response-guards';

/** The mesh the server reads (detected once per process), and its PromQL editor hints. */
export function useMeshInfo() {
  return useQuery({
    queryKey: queryKeys.mesh(),
    queryFn: ({ signal }) => fetchApi('/api/mesh', isMeshInfo, signal),
    // The mesh of a deployment does not change while a page is open.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The mesh's clusters (the server caches them for minutes): a cluster filter is offered when there are several. */
export function useMeshClusters() {
  return useQuery({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => fetchApi('/api/clusters', isClusters, signal),
    staleTime: 5 * 60_000,
  });
}
