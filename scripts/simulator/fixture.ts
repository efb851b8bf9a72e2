// The deterministic story the tests share.

/** Seed of every test model. */
export const TEST_SEED = 42;
/** 2026-10-01T12:00:00Z: the story's "now" in tests (a multiple of 300 s, so all grids align). */
export const TEST_ANCHOR = 1_790_856_000;
/** Days of backfilled history before TEST_ANCHOR (one 30-day SLO window). */
export const TEST_HISTORY_DAYS = 30;
