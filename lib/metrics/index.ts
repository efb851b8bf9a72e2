import 'server-only';

export { getRegistry } from './registry';
export { countHttpRequest, observePrometheusRequest } from './instruments';
