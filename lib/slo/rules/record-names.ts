// The recorded series' names, apart from the rule builder (rules.ts) so the SLO pages can name them
// without loading the builder and, through the spec's schema, zod.

/** Pyrra and Sloth's naming scheme: level:metric:operations. */
export const errorRatioRecord = (window: string) => `slo:sli_error:ratio_rate${window}`;
export const eventsRecord = (window: string) => `slo:sli_events:increase${window}`;
