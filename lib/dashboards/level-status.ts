import type { HealthLevel } from '@/lib/health/levels';
import type { Health } from './schema';

/** The status colour of a verdict level, for cues that take a status (stats, sparklines, row borders). No zod: the table view uses it in the browser. */
export function levelStatus(level: HealthLevel): Health {
  return level === 'failing' ? 'bad' : level === 'warning' ? 'warn' : level === 'ok' ? 'good' : 'unknown';
}
