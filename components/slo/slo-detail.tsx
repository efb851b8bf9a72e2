'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useSlosAlerting } from '@/lib/queries/alerting-hooks';
import { formatUtc } from '@/lib/format';
import { useDeleteSlo } from '@/lib/queries/slo-mutations';
import { useSlo, useSloBudget, useSloStatus } from '@/lib/queries/slo-hooks';
import { debugHref, graphHref } from '@/lib/links';
import { pageHref } from '@/lib/queries/slo-time';
import { AlertTable } from './alert-table';
import { AlertingSection } from './alerting-section';
import { BudgetChart } from './budget-chart';
import { BurnRateTable } from './burn-rate-table';
import { DeleteButton } from './delete-dialog';
import { HistoryList } from './history-list';
import { IdentityBanner, useCanEdit } from './identity-banner';
import { RulesPanel } from './rules-panel';
import { SloBacktest } from './slo-backtest';
import { RegionTable } from './region-table';
import { indicatorLabel } from './slo-format';
import { StatusSummary } from './status-summary';
import { useTimeParam } from './use-time-param';
import styles from './slo.module.css';

/** `/slos/<name>`: the spec, its status and budget at `?time=`, rules, history; edit and delete for editors. */
export function SloDetail({ name }: { name: string }) {
  const time = useTimeParam();
  const router = useRouter();
  const canEdit = useCanEdit();
  const slo = useSlo(name);
  const status = useSloStatus(name, time);
  const budget = useSloBudget(name, time);
  // The same query as the Alerting section below (react-query shares it): Prometheus' side of each pair.
  const alerting = useSlosAlerting(time);
  const remove = useDeleteSlo();

  if (slo.isError) {
    return (
      <div className={styles.page}>
        <h1>{name}</h1>
        <p role="alert">Could not load this SLO: {slo.error.message}</p>
        <Link href={pageHref('/slos', time)}>All SLOs</Link>
      </div>
    );
  }
  const spec = slo.data?.spec;
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <div>
          <Link href={pageHref('/slos', time)}>All SLOs</Link>
          <h1>{name}</h1>
          {spec && (
            <p className={styles.muted}>
              {spec.service} ({spec.namespace}) · team {spec.team} · {indicatorLabel(spec.indicator)} · {spec.objective}% over {spec.window}
              {spec.description ? ` · ${spec.description}` : ''}
            </p>
          )}
          {spec && (
            <p className={styles.muted}>
              {/* From the budget to the cause, at the same pinned moment. */}
              <Link href={debugHref(spec.service, spec.namespace, time ?? undefined)}>Debug {spec.service}</Link>
              {' · '}
              <Link href={graphHref(spec.service, spec.namespace, time ?? undefined)}>Graph around {spec.service}</Link>
            </p>
          )}
        </div>
        {canEdit && spec && (
          <div className={styles.actions}>
            <Link href={pageHref(`/slos/${name}/edit`, time)}>Edit</Link>
            <DeleteButton
              name={name}
              pending={remove.isPending}
              error={remove.error}
              onConfirm={() => remove.mutate({ name, etag: slo.data?.etag }, { onSuccess: () => router.push(pageHref('/slos', time)) })}
            />
          </div>
        )}
      </div>
      <IdentityBanner />
      <section className={styles.card} aria-label="Status">
        <h2>Status{status.data ? ` at ${formatUtc(status.data.evaluatedAt, { seconds: true })}` : ''}</h2>
        {status.isPending && <p className={styles.muted}>Evaluating…</p>}
        {status.isError && <p role="alert">Status unavailable: {status.error.message}</p>}
        {status.data && spec && <StatusSummary status={status.data} objective={spec.objective} window={spec.window} curve={budget.data?.points} excludeMaintenance={spec.excludeMaintenance} />}
      </section>
      <section className={styles.card} aria-label="Budget burn-down">
        <h2>Budget burn-down{spec ? ` over ${spec.window}` : ''}</h2>
        {budget.isError && <p role="alert">Budget curve unavailable: {budget.error.message}</p>}
        {budget.data && <BudgetChart points={budget.data.points} label={`Error budget remaining of ${name} over its window`} />}
        {budget.data && spec?.excludeMaintenance && <p className={styles.muted}>The curve counts every request, maintenance windows included; the figures above exclude them.</p>}
      </section>
      {status.data && (
        <div className={styles.columns}>
          <section className={styles.card} aria-label="Burn rates">
            <h2>Burn rates</h2>
            <BurnRateTable status={status.data} />
          </section>
          <section className={styles.card} aria-label="Alert pairs">
            <h2>Alerts</h2>
            <AlertTable alerts={status.data.alerts} prometheus={alerting.data?.slos.find((s) => s.name === name)} />
          </section>
        </div>
      )}
      {status.data?.regions && (
        <section className={styles.card} aria-label="Regions">
          <h2>By region</h2>
          <RegionTable status={status.data} />
        </section>
      )}
      <AlertingSection name={name} time={time} />
      {spec && <SloBacktest name={name} sloWindow={spec.window} time={time} />}
      <RulesPanel name={name} />
      <HistoryList name={name} />
    </div>
  );
}
