'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { reportQueryFrom, reportSearch, useReport, type ReportQuery } from '@/lib/queries/report-hooks';
import { formatUtc } from '@/lib/format';
import slo from '@/components/slo/slo.module.css';
import { MaintenancePeriods } from '@/components/maintenance/maintenance-periods';
import { OverviewSection } from './overview-section';
import { ReportControls } from './report-controls';
import { periodLabel, teamSections } from './report-format';
import { TeamSection } from './team-section';
import styles from './report.module.css';

const errorText = (err: unknown) => (err instanceof Error ? err.message : 'unknown error');

/** `/report`: the executive SLO report of a month (or any period), one printed page per team. */
export function ReportView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = reportQueryFrom(params);
  const report = useReport(query);
  const data = report.data;
  const label = data ? periodLabel(data) : null;
  const show = (next: ReportQuery) => {
    const qs = reportSearch(next).toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };

  return (
    <div className={styles.report}>
      <div className={styles.head}>
        <h1>SLO report{label ? `: ${label}` : ''}</h1>
        {data && (
          <p className={slo.muted}>
            {formatUtc(data.from)} to {formatUtc(data.to)}, compared with {periodLabel({ ...data.previousPeriod, month: null })}. Incidents are the pages and tickets each
            SLO&apos;s own alert policy would have raised (a backtest over the period).
          </p>
        )}
      </div>
      <ReportControls key={JSON.stringify(query)} query={query} shown={data} onChange={show} />
      {report.isPending && <p className={slo.muted}>Building the report (a month of history takes a few seconds)…</p>}
      {report.isError && (
        <div role="alert" className={`${slo.banner} ${slo.error}`}>
          Could not build the report: {errorText(report.error)}{' '}
          <button type="button" onClick={() => void report.refetch()}>
            Retry
          </button>
        </div>
      )}
      {data && (
        <>
          {data.dataStart !== null && (
            <p role="note" className={`${slo.banner} ${styles.note}`}>
              The data starts at {formatUtc(data.dataStart)}, after the period&apos;s start: the figures cover the period from then on.
            </p>
          )}
          {data.errors.length > 0 && (
            <ul role="alert" className={`${slo.banner} ${slo.error}`}>
              {data.errors.map((e) => (
                <li key={e.slo}>
                  {e.slo}: {e.message}
                </li>
              ))}
            </ul>
          )}
          <OverviewSection report={data} />
          <MaintenancePeriods periods={data.maintenance ?? []} title="Maintenance windows in the period" />
          {teamSections(data).map((section) => (
            <TeamSection key={section.team.team} section={section} periodLabel={label ?? ''} />
          ))}
        </>
      )}
    </div>
  );
}
