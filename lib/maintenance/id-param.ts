import { ApiError } from '@/lib/api/api-error';

/** The `{id}` of /api/maintenance/{id}: a positive integer, else 404 (no such window can exist). */
export function maintenanceIdOf(text: string): number {
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new ApiError(404, 'not_found', 'No such maintenance window');
  return Number(text);
}
