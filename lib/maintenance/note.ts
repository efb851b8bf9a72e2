import type { MaintenanceExclusion } from '@/lib/slo/status-schema';
import { durationText } from './intervals';

/**
 * What every budget of an SLO with excludeMaintenance says beside it, e.g. "excludes 2 maintenance
 * windows (1h 30m, 12,345 requests)"; `excluding` without windows in the SLO window says that too.
 */
export function maintenanceNote(excluding: boolean | undefined, m: MaintenanceExclusion | undefined): string | null {
  if (m) {
    const windows = `${m.windows} maintenance window${m.windows === 1 ? '' : 's'}`;
    return `excludes ${windows} (${durationText(m.seconds)}, ${m.events.toLocaleString('en-US')} requests)`;
  }
  return excluding ? 'excludes maintenance windows (none in this window)' : null;
}
