import 'server-only';

export { ApiError, errorResponse, jsonError } from './errors';
export { apiHandler } from './handler';
export { sharedAssembly, sharedJson, sharedJsonText, type JsonOptions, type JsonText } from './shared-json';
export { sharedWork } from './shared-work';
export { clusterParamSchema, nameParamSchema, namespaceParamSchema, parseSearchParams, timeParamSchema, windowParamSchema } from './params';
export { apiErrorBodySchema, upstreamErrorSchema, type ApiErrorBody, type UpstreamError } from './error-body';
