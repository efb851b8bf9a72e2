import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaintenanceInput } from '@/lib/maintenance/schema';
import { anyBody, isMaintenanceList, isMaintenanceWindow } from './response-guards';
import { fetchApi, sendApi } from './api-fetch';
import { queryKeys } from './keys';

// The /maintenance page's reads and writes. A change also invalidates the SLOs: a budget that
// excludes maintenance changes with the windows.

export function useMaintenance() {
  return useQuery({ queryKey: queryKeys.maintenance(), queryFn: ({ signal }) => fetchApi('/api/maintenance', isMaintenanceList, signal) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.maintenance() }), client.invalidateQueries({ queryKey: queryKeys.slosAll() })]);
}

export function useCreateMaintenance() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (input: MaintenanceInput) => (await sendApi('/api/maintenance', { method: 'POST', body: input }, isMaintenanceWindow)).data,
    onSuccess: invalidate,
  });
}

export function useDeleteMaintenance() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => sendApi(`/api/maintenance/${id}`, { method: 'DELETE' }, anyBody),
    onSuccess: invalidate,
  });
}

/** Tries a pending or failed silence again. */
export function useRetrySilence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => sendApi(`/api/maintenance/${id}/silence`, { method: 'POST' }, isMaintenanceWindow),
    onSuccess: invalidate,
  });
}
