'use client';

import { useServices, type ServicesParams } from '@/lib/queries';
import { formatDateTime } from '../format';
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
          <time dateTime={evaluatedAt}>{formatDateTime(evaluatedAt)}</time>
        </>
      )}
      {live && ' · refreshes every 30 s'}
    </>
  );
}

/** Request rate, success rate and p95 latency of every service Prometheus has mesh traffic for. */
export function ServicesPanel({ live, ...params }: ServicesParams & { live: boolean }) {
  // A pinned time gives the same answer every time; only failures are worth refetching for, which
  // refetchInterval does. Live dashboards move their time instead (useEvaluationTime).
  const query = useServices(params, { refetchInterval: live ? false : undefined });
  const data = query.data;
  const scope = params.namespace ? ` in namespace ${params.namespace}` : '';
  return (
    <Panel
      title="Services"
      meta={<Meta window={params.window} evaluatedAt={data?.evaluatedAt} live={live} />}
      query={query}
      queries={data?.queries}
      warnings={data?.warnings}
      isEmpty={data?.services.length === 0}
      empty={
        <>
          No mesh traffic found in Prometheus for this window{scope}.
          <br />
          Check that Istio&apos;s <code>istio_requests_total</code> is scraped, or pick another time.
        </>
      }
    >
      {data && (
        <ServicesTable
          services={data.services}
          caption={`Request rate, success rate and 95th percentile latency per service${scope}, over the last ${data.window}.`}
        />
      )}
    </Panel>
  );
}
