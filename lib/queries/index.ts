export { ApiError, fetchApi, isApiError, type ApiErrorInit } from './api-error';
export { DEFAULT_WINDOW, parseDashboardParams, type DashboardParams, type RawSearchParams } from './dashboard-params';
export { queryKeys, type ServicesParams } from './keys';
export * from './schemas';
export { nowUnixSeconds, roundUnixSeconds, TIME_STEP_SECONDS } from './time';
export { useEvaluationTime, type EvaluationTime } from './use-evaluation-time';
export { REFETCH_INTERVAL_MS, servicesUrl, useServices } from './use-services';
