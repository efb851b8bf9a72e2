// lib/slo: the SLO spec, math, policy, status, rules/ (recording, alerts, rule tests), backtest/
// (episodes, events, advice over arrays of counts) and interchange/ (OpenSLO, Sloth). Pure (no I/O, no
// React, no Next; ESLint holds it), so the browser may import it too. Reading Prometheus and the store
// is lib/slo-engine's job (server-only).
export * from './spec';
export * from './math';
export * from './policy';
export * from './status-schema';
export { buildStatus, evaluatePairs, statusWindows, type PairEvaluation, type WindowCounts } from './status';
export { recommend } from './recommend';
export { sloState, sloStateSchema, recoverySeconds, exhaustedAdvice, EXHAUSTED_POLICY, type SloState } from './state';
export { STATUS_WINDOWS, EXHAUSTION_WINDOW, normalizeWindow, sortWindows, windowSeconds } from './windows';
export { bucketBoundaries, checkThreshold, nearestBoundaries, type ThresholdCheck } from './buckets';
export { counterSelectors, windowExprs, leRegex, parseLe } from './queries';
export type { ServiceMatch, SeriesId, SliSource } from './sli-source';
export { sloRuleGroups, errorRatioRecord, eventsRecord, thresholdExpr, ALERT_NAME, type RuleGroup } from './rules/rules';
export { rulesYaml, prometheusRuleYaml, prometheusRuleObject } from './rules/output';
export { importSlos, MAX_IMPORT_BYTES } from './interchange/import';
export { exportSlo, EXPORT_FORMATS, type ExportFormat } from './interchange/export';
export { ImportError, type ImportProblem, type Imported } from './interchange/interchange';
export { humanDuration } from './format';
export * from './api-schemas';
