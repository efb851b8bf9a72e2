// The health levels as plain constants, apart from the zod schema (schema.ts): pages import these, and
// zod stays out of the browser's JavaScript (issue 13's budget).

export const HEALTH_LEVELS = ['ok', 'warning', 'failing', 'idle'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** What each level says, for chips and legends. */
export const HEALTH_LABELS: Record<HealthLevel, string> = { ok: 'OK', warning: 'Warning', failing: 'Failing', idle: 'Idle' };

/** Severity order: the worse verdict wins. Idle (nothing to judge) is below ok. */
export const HEALTH_RANK: Record<HealthLevel, number> = { idle: 0, ok: 1, warning: 2, failing: 3 };
