import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeshAlertSetting } from '@/lib/mesh-alerts/catalog';
import { isMeshAlerts } from './response-guards';
import { fetchApi, sendApi } from './api-fetch';
import { queryKeys } from './keys';

/** Every mesh-health alert with its setting (GET /api/mesh-alerts). */
export function useMeshAlerts() {
  return useQuery({ queryKey: queryKeys.meshAlerts(), queryFn: ({ signal }) => fetchApi('/api/mesh-alerts', isMeshAlerts, signal) });
}

/** Saves changed settings (PUT /api/mesh-alerts, editor); the answer replaces the cached list. */
export function useSaveMeshAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (alerts: MeshAlertSetting[]) => {
      const { data } = await sendApi('/api/mesh-alerts', { method: 'PUT', body: { alerts } }, isMeshAlerts);
      if (!data) throw new Error('Empty answer');
      return data;
    },
    onSuccess: (data) => {
      client.setQueryData(queryKeys.meshAlerts(), data);
      // The rule file is rewritten: the SLO pages' delivery state follows.
      void client.invalidateQueries({ queryKey: queryKeys.rulesDelivery() });
    },
  });
}
