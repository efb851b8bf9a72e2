// "A new revision of this service started serving traffic", the same way on every mesh: a revision with
// requests in the last RATE_WINDOW that had none `since` ago. One sample per (namespace, service,
// revision), under those three label names whatever the mesh calls them, so an alert rule over it carries
// the `namespace` and `service` labels the SLO alerts carry (and Alertmanager can match the two).
import type { MeshQuery } from './adapter';
import { checkWindow, sumBy } from './expr';

/** A revision serves when it answered any request in this window (a few scrapes: one missed scrape is not a rollout). */
const RATE_WINDOW = '5m';

export interface RevisionLabels {
  namespace: string;
  service: string;
  revision: string;
}

const rename = (expr: string, to: string, from: string) => `label_replace(${expr}, "${to}", "$1", "${from}", "(.*)")`;

/** `counter` is a request counter selector whose series carry `labels` (the mesh's names for them). */
export function newRevisionQuery(counter: string, labels: RevisionLabels, since: string): MeshQuery {
  const by = [labels.namespace, labels.service, labels.revision];
  const serving = (offset: string) => sumBy(by, `rate(${counter}[${RATE_WINDOW}]${offset}) > 0`, 'count');
  const fresh = `${serving('')} unless ${serving(` offset ${checkWindow(since)}`)}`;
  const named = rename(rename(rename(fresh, 'namespace', labels.namespace), 'service', labels.service), 'revision', labels.revision);
  return { promql: sumBy(['namespace', 'service', 'revision'], named, 'count'), labels: { namespace: 'namespace', service: 'service', revision: 'revision' } };
}
