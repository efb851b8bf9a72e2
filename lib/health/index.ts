// The one health verdict (pure): every route that shows a service, node or edge asks this module, and
// every page renders its answer as is.
export { burnText, percentText, thresholdText } from './format';
export { lowTrafficRequests, NO_TRAFFIC, ratioHealth, tcpHealth, type TrafficInput } from './ratio';
export { HEALTH_LABELS, HEALTH_LEVELS, HEALTH_RANK, healthLevelSchema, healthSchema, type Health, type HealthLevel } from './schema';
export { BUDGET_EXHAUSTED, sloHealth, sloState, type SloState, type SloStatusInput } from './slo';
export { DEFAULT_HEALTH_THRESHOLDS, parseHealthThresholds, type HealthThresholds } from './thresholds';
export { healthVerdict, worstHealth, type HealthInput } from './verdict';
export { sloStatusesByService, type ServiceSloInput } from './by-service';
