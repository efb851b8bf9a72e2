'use client';

import type { ServiceSummary } from '@/lib/queries/schemas';
import type { ServicesParams } from '@/lib/queries/keys';
import { useServices, type ServicesBatch } from '@/lib/queries/use-services';
import { formatUtc } from '@/lib/format';
import { Panel } from '../panel';
import { ServicesTable } from './services-table';

function Meta({ window, evaluatedAt, live }: { window: string; evaluatedAt?: string; live: boolean }) {
  return (
    <>
      Last {window}
      {evaluatedAt && (
        <>
          {' · '}
          {live ? 'as of ' : 'pinned at '}
          <time dateTime={evaluatedAt}>{formatUtc(evaluatedAt)}</time>
        </>
      )}
    </>
  );
}

/** `/api/services` returns its PromQL in this order. */
const QUERY_PURPOSES = ['Requests per second per service', 'Success ratio per service', 'p95 latency per service (ms)'];

/** Request rate, success rate and p95 latency of every service Prometheus has mesh traffic for. */
export function ServicesPanel({ live, hrefFor, batch, ...params }: ServicesParams & { live: boolean; hrefFor?: (row: ServiceSummary) => string; batch?: ServicesBatch }) {
  // Live dashboards refresh by moving their time (useDashboardRange); a pinned time never changes.
  const query = useServices(params, { refetchInterval: false, batch });
  const data = query.data;
  const scope = params.namespace ? ` in namespace ${params.namespace}` : '';
  return (
    <Panel
      title="Services"
      meta={<Meta window={params.window} evaluatedAt={data?.evaluatedAt} live={live} />}
      query={query}
      queries={data?.queries.map((promql, i) => ({ purpose: QUERY_PURPOSES[i], promql }))}
      warnings={data?.warnings}
      isEmpty={data?.services.length === 0}
      empty={
        <>
          No mesh traffic found in Prometheus for this window{scope}.
          <br />
          Check that the mesh&apos;s request metrics (named in the queries of this panel) are scraped, or pick another time.
        </>
      }
    >
      {data && (
        <ServicesTable
          services={data.services}
          hrefFor={hrefFor}
          caption={`Request rate, success rate and 95th percentile latency per service${scope}, over the last ${data.window}.`}
        />
      )}
    </Panel>
  );
}
