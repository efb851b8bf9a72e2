import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SloSpecInput } from '@/lib/slo/spec';
import { sendApi } from './api-fetch';
import { queryKeys } from './keys';
import { anyBody, isImportResponse, isPreviewResponse, isSloSpec } from './response-guards';
import { withTime } from './slo-time';

// Writes of the SLO pages. Each success invalidates every SLO query (specs, statuses, history).

const sloPath = (name: string) => `/api/slos/${encodeURIComponent(name)}`;

function useInvalidateSlos() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.slosAll() });
}

/** Create (no etag) or update with If-Match (a stale etag gives a 409). */
export function useSaveSlo() {
  const invalidate = useInvalidateSlos();
  return useMutation({
    mutationFn: async ({ spec, etag, mode }: { spec: SloSpecInput; etag?: string | null; mode: 'create' | 'edit' }) => {
      const { data } =
        mode === 'create'
          ? await sendApi('/api/slos', { method: 'POST', body: spec }, isSloSpec)
          : await sendApi(sloPath(spec.name), { method: 'PUT', body: spec, headers: etag ? { 'if-match': etag } : {} }, isSloSpec);
      return data;
    },
    onSuccess: invalidate,
  });
}

export function useDeleteSlo() {
  const invalidate = useInvalidateSlos();
  return useMutation({
    mutationFn: ({ name, etag }: { name: string; etag?: string | null }) =>
      sendApi(sloPath(name), { method: 'DELETE', headers: etag ? { 'if-match': etag } : {} }, anyBody),
    onSuccess: invalidate,
  });
}

/** Status and budget curve of an unsaved spec. */
export function usePreviewSlo(time: number | null) {
  return useMutation({
    mutationFn: async (spec: Omit<SloSpecInput, 'name'> & { name?: string }) => {
      const { data } = await sendApi(withTime('/api/slos/preview', time), { method: 'POST', body: spec }, isPreviewResponse);
      if (!data) throw new Error('Empty preview');
      return data;
    },
  });
}

/** OpenSLO / Sloth / Meshwatch YAML; `dryRun` only validates and shows what would be created. */
export function useImportSlos() {
  const invalidate = useInvalidateSlos();
  return useMutation({
    mutationFn: async ({ yaml, dryRun }: { yaml: string; dryRun: boolean }) => {
      const { data } = await sendApi(`/api/slos/import?dryRun=${dryRun}`, { method: 'POST', text: yaml }, isImportResponse);
      if (!data) throw new Error('Empty import answer');
      return data;
    },
    onSuccess: (data) => {
      if (!data.dryRun) void invalidate();
    },
  });
}
