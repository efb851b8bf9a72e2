'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '@/lib/queries/keys';
import { SelectField } from '@/components/ui/select-field';
import { fetchText } from '@/lib/queries/api-fetch';
import styles from './slo.module.css';
import { useCopy } from './use-copy';

const FORMATS = [
  { value: 'yaml', label: 'Whole alertmanager.yml' },
  { value: 'fragment', label: 'Fragment to merge' },
  { value: 'templates', label: 'Notification templates (meshwatch.tmpl)' },
] as const;
type Format = (typeof FORMATS)[number]['value'];

/** Where the burn-rate alerts go: the generated Alertmanager routing and inhibition, to copy or download. */
export function AlertmanagerPanel() {
  const [format, setFormat] = useState<Format>('yaml');
  const [teams, setTeams] = useState(false);
  const { copied, copy: copyText } = useCopy();
  const path = `/api/alertmanager?format=${format}&teams=${teams}`;
  const config = useQuery({ queryKey: queryKeys.alertmanagerConfig(format, teams), queryFn: ({ signal }) => fetchText(path, signal) });
  const copy = () => copyText(config.data);
  return (
    <section aria-label="Alertmanager routing">
      <h3>Alertmanager routing</h3>
      <p className={styles.muted}>
        Pages go to <code>meshwatch-page</code>, tickets to <code>meshwatch-ticket</code>, one notification per team, service and SLO; a
        firing page mutes the ticket of the same SLO. Point the two receivers at your pager and ticket queue; the notification
        templates give them links to the debug view and the SLO pinned at each alert&apos;s start.
      </p>
      <div className={styles.actions}>
        <SelectField label="Alertmanager config" value={format} options={FORMATS} onChange={setFormat} />
        <label>
          <input type="checkbox" checked={teams} onChange={(e) => setTeams(e.target.checked)} /> Per-team receivers
        </label>
        <button type="button" onClick={() => void copy()} disabled={!config.data}>
          {copied ? 'Copied' : 'Copy Alertmanager config'}
        </button>
        <a href={path} download>
          Download Alertmanager config
        </a>
      </div>
      {config.isPending && <p className={styles.muted}>Loading the Alertmanager config…</p>}
      {config.isError && <p role="alert">Could not load the Alertmanager config: {config.error.message}</p>}
      {config.data && (
        <pre className={styles.code} aria-label="Alertmanager YAML">
          {config.data}
        </pre>
      )}
    </section>
  );
}
