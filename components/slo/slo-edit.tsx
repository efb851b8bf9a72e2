'use client';

import Link from 'next/link';
import { useMe, useSlo } from '@/lib/queries/slo-hooks';
import { pageHref } from '@/lib/queries/slo-time';
import { IdentityBanner, useCanEdit } from './identity-banner';
import { SloForm } from './slo-form';
import { useTimeParam } from './use-time-param';
import styles from './slo.module.css';

/** `/slos/new` (no name) and `/slos/<name>/edit`. */
export function SloEdit({ name, teams, regions = false, now }: { name?: string; teams: Readonly<Record<string, string>>; regions?: boolean; now?: number }) {
  const time = useTimeParam();
  const slo = useSlo(name ?? '', name !== undefined);
  const editing = name !== undefined;
  const me = useMe();
  const canEdit = useCanEdit();
  // Viewers get the read-only notice instead of a form the server would refuse.
  if (me.data && !canEdit) {
    return (
      <div className={styles.page}>
        <h1>{editing ? `Edit ${name}` : 'New SLO'}</h1>
        <IdentityBanner />
        <Link href={pageHref(editing ? `/slos/${name}` : '/slos', time)}>Back</Link>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <div>
          <Link href={pageHref(editing ? `/slos/${name}` : '/slos', time)}>{editing ? `Back to ${name}` : 'All SLOs'}</Link>
          <h1>{editing ? `Edit ${name}` : 'New SLO'}</h1>
        </div>
      </div>
      <IdentityBanner />
      {!editing && <SloForm time={time} now={now} teams={teams} regions={regions} />}
      {editing && slo.isPending && <p className={styles.muted}>Loading…</p>}
      {editing && slo.isError && <p role="alert">Could not load this SLO: {slo.error.message}</p>}
      {editing && slo.data && (
        // Remount on a new version so "Reload" replaces the form with the latest spec.
        <SloForm key={slo.data.etag ?? ''} initial={slo.data} time={time} now={now} teams={teams} regions={regions} onReload={() => void slo.refetch()} />
      )}
    </div>
  );
}
