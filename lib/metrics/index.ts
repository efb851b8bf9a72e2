import 'server-only';

export { getRegistry } from './registry';
export { countCacheLookup, countHttpRequest, observePrometheusRequest, setCacheBytes, setQueryLoad } from './instruments';
