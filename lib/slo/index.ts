// lib/slo: the SLO spec, math, policy, status, rules and import/export. Pure (no I/O, no React, no
// Next), so the browser may import it too. Evaluation against Prometheus is in evaluate*.ts (server-only).
export * from './spec';
export * from './math';
export * from './policy';
export * from './status-schema';
export { buildStatus, evaluatePairs, statusWindows, type PairEvaluation, type WindowCounts } from './status';
export { recommend } from './recommend';
export { STATUS_WINDOWS, EXHAUSTION_WINDOW, normalizeWindow, sortWindows, windowSeconds } from './windows';
export { bucketBoundaries, checkThreshold, nearestBoundaries, type ThresholdCheck } from './buckets';
export { counterSelectors, windowExprs, leRegex, parseLe } from './queries';
export { planCountQueries, countsFromResults, type CountQuery, type CountSample, type SpecCounts } from './bulk-queries';
export { sloRuleGroups, errorRatioRecord, eventsRecord, thresholdExpr, ALERT_NAME, type RuleGroup } from './rules';
export { rulesYaml, prometheusRuleYaml, prometheusRuleObject } from './rules-output';
export { importSlos, MAX_IMPORT_BYTES } from './import';
export { exportSlo, EXPORT_FORMATS, type ExportFormat } from './export';
export { ImportError, type ImportProblem, type Imported } from './interchange';
export { humanDuration } from './format';
export * from './api-schemas';
