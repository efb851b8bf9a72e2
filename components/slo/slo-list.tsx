'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { formatUtc } from '@/lib/format';
import { useSlosAlerting } from '@/lib/queries/alerting-hooks';
import { useSloList, useSloStatuses } from '@/lib/queries/slo-hooks';
import { pageHref } from '@/lib/queries/slo-time';
import { alertingChipsFrom } from './alerting-chip';
import { IdentityBanner, useCanEdit } from './identity-banner';
import { filterRows, filterTeam, groupRows, joinRows, sortRows, teamOptions, type SortKey } from './slo-list-model';
import { SloImport } from './slo-import';
import { SloListTable } from './slo-list-table';
import { useTimeParam } from './use-time-param';
import styles from './slo.module.css';

const errorText = (err: unknown) => (err instanceof Error ? err.message : 'unknown error');

function noMatch(team: string | null, query: string): string {
  const search = query.trim() ? ` matching “${query}”` : '';
  return team ? `Team ${team} has no SLO${search}.` : `No SLO matches “${query}”.`;
}

const TEAM_PARAM = 'team';

/** `/slos`: specs from the store, statuses from one `/api/slos-status` call (which may fail alone). */
export function SloList() {
  const time = useTimeParam();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // `?team=` comes from the executive dashboard's team links; the URL keeps it so the view is shareable.
  const team = searchParams.get(TEAM_PARAM) || null;
  const teamId = useId();
  const setTeam = (next: string) => {
    const params = new URLSearchParams(searchParams.toString());
    if (next) params.set(TEAM_PARAM, next);
    else params.delete(TEAM_PARAM);
    const qs = params.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const canEdit = useCanEdit();
  const specs = useSloList();
  const statuses = useSloStatuses(time);
  // Rules and alerts as Prometheus itself holds them; fails alone, like the statuses.
  const alerting = useSlosAlerting(time);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('budget-asc');
  const statusError = statuses.isError ? `Statuses unavailable: ${errorText(statuses.error)}` : undefined;
  const groups = useMemo(
    () => groupRows(sortRows(filterRows(filterTeam(joinRows(specs.data ?? [], statuses.data, statusError), team), query), sort)),
    [specs.data, statuses.data, statusError, team, query, sort],
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1>SLOs</h1>
        {canEdit && (
          <div className={styles.actions}>
            <Link href={pageHref('/slos/new', time)}>Create SLO</Link>
          </div>
        )}
      </div>
      <IdentityBanner />
      {statusError && (
        <p role="alert" className={`${styles.banner} ${styles.error}`}>
          {statusError}. The specs below are still readable and editable.
        </p>
      )}
      {specs.isError && (
        <p role="alert" className={`${styles.banner} ${styles.error}`}>
          Could not load SLOs: {errorText(specs.error)}
        </p>
      )}
      {specs.isPending && <p className={styles.muted}>Loading SLOs…</p>}
      {specs.data && specs.data.length === 0 && (
        <section className={styles.card} aria-label="No SLOs yet">
          <h2>No SLOs yet</h2>
          <p>An SLO turns a service&apos;s traffic into an error budget and alert rules you can trust.</p>
          {canEdit ? <Link href={pageHref('/slos/new', time)}>Create your first SLO</Link> : <p className={styles.muted}>Ask an editor to create one.</p>}
        </section>
      )}
      {specs.data && specs.data.length > 0 && (
        <>
          <div className={styles.actions}>
            {/* A label apart from the select, so its accessible name is "Team", not its options' text too. */}
            <span>
              <label htmlFor={teamId}>Team</label>{' '}
              <select id={teamId} value={team ?? ''} onChange={(e) => setTeam(e.target.value)}>
                <option value="">All teams</option>
                {teamOptions(specs.data, team).map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </span>
            <label>
              Search <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name, service, team" />
            </label>
            <label>
              Sort by{' '}
              <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
                <option value="budget-asc">Budget remaining, least first</option>
                <option value="budget-desc">Budget remaining, most first</option>
                <option value="name">Name</option>
              </select>
            </label>
            {statuses.data && <span className={styles.muted}>Evaluated at {formatUtc(statuses.data.evaluatedAt, { seconds: true })}</span>}
          </div>
          {groups.length === 0 ? <p>{noMatch(team, query)}</p> : <SloListTable groups={groups} time={time} statusPending={statuses.isPending} alerting={alertingChipsFrom(alerting)} />}
        </>
      )}
      {canEdit && <SloImport />}
    </div>
  );
}
