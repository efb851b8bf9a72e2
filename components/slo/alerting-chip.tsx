import { formatUtc } from '@/lib/format';
import type { SlosAlertingResponse } from '@/lib/slo/alerting-schema';
import { alertingChip, type AlertingChipModel } from './alerting-model';
import styles from './slo.module.css';

/** "since 12:03 UTC": alerts read the same clock as Prometheus, Alertmanager and every other page. */
export const clock = (unixSeconds: number) => formatUtc(unixSeconds, { date: false });

/** The chip for every SLO of one /api/slos-alerting answer (or its loading/error state). */
export function alertingChipsFrom(query: { data?: SlosAlertingResponse; isPending: boolean; error: Error | null }): (name: string) => AlertingChipModel {
  const byName = new Map(query.data?.slos.map((s) => [s.name, s]) ?? []);
  const ctx = { mode: query.data?.mode, pending: query.isPending, clock, ...(query.error && !query.data ? { error: query.error.message } : {}) };
  return (name) => alertingChip(byName.get(name), ctx);
}

/** "Alerting in Prometheus" for one SLO: a chip, or in GitOps mode the download of the PrometheusRule bundle. */
export function AlertingChip({ chip }: { chip: AlertingChipModel }) {
  const className = `${styles.chip} ${styles[chip.tone]}`;
  if (chip.href) {
    return (
      <a className={className} href={chip.href} download title={chip.title}>
        {chip.label}
      </a>
    );
  }
  return (
    <span className={className} title={chip.title}>
      {chip.label}
    </span>
  );
}
