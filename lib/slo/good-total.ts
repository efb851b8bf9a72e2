// A good/total SLI (OpenSLO's ratioMetric with `good`) as Meshwatch's error query: total - good. Where
// no good series exists at all (a service that has only ever failed, a fresh deploy in a total
// outage) `total - good` alone would be empty, and the error ratio's `or vector(0)` would then read 0
// errors while every request fails. Absent good series must mean "no good events": `good or total * 0`.
// Pure; the importer writes this shape and the rule-test generator reads it back.

/** The error query of a good/total SLI, both `{{window}}` queries of one label-less sum. */
export function goodTotalErrorQuery(good: string, total: string): string {
  return `(${total}) - ((${good}) or (${total}) * 0)`;
}

/** The good query of an error query written by goodTotalErrorQuery() over `total`; undefined otherwise. */
export function goodQueryOf(errorQuery: string, total: string): string | undefined {
  const head = `(${total}) - ((`;
  const tail = `) or (${total}) * 0)`;
  if (!errorQuery.startsWith(head) || !errorQuery.endsWith(tail)) return undefined;
  const good = errorQuery.slice(head.length, errorQuery.length - tail.length);
  return good.trim() === '' ? undefined : good;
}
