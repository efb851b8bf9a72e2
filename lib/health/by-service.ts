// Stored SLOs grouped by the service they measure, so each service's verdict reads its own SLOs.
import type { SloStatusInput } from './slo';

export interface ServiceSloInput<S extends SloStatusInput = SloStatusInput> {
  spec: { service: string; namespace: string };
  /** Null when the SLO could not be evaluated: it then says nothing about the service. */
  status: S | null;
}

/** `namespace/service` -> the statuses of its SLOs. */
export function sloStatusesByService<S extends SloStatusInput>(inputs: readonly ServiceSloInput<S>[]): Map<string, S[]> {
  const byService = new Map<string, S[]>();
  for (const { spec, status } of inputs) {
    if (!status) continue;
    const id = `${spec.namespace}/${spec.service}`;
    byService.set(id, [...(byService.get(id) ?? []), status]);
  }
  return byService;
}
