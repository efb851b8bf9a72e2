// Pure PromQL text: escaping of label values and regexes, matcher lists, duration literals. No I/O and
// no server-only, so lib/mesh, lib/slo and route schemas (and the browser) share one implementation.
export * from './promql';
