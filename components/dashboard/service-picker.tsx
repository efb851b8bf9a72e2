'use client';

import { useId } from 'react';
import { useServices } from '@/lib/queries/use-services';
import styles from './service-picker.module.css';

export interface ServiceChoice {
  service: string;
  namespace: string;
}

const valueOf = (c: ServiceChoice) => `${c.namespace}/${c.service}`;

/** A <select> of the services with mesh traffic in the dashboard's range (from `/api/services`). */
export function ServicePicker({ time, window, selected, onSelect }: { time: number; window: string; selected?: ServiceChoice; onSelect: (choice: ServiceChoice) => void }) {
  const id = useId();
  const statusId = useId();
  const query = useServices({ time, window }, { refetchInterval: false });
  const services = query.data?.services ?? [];
  const known = selected && services.some((s) => valueOf(s) === valueOf(selected));
  return (
    <div className={styles.picker}>
      <label htmlFor={id}>Service</label>
      <select
        id={id}
        value={selected ? valueOf(selected) : ''}
        aria-describedby={statusId}
        onChange={(e) => {
          const [namespace = '', ...rest] = e.target.value.split('/');
          const service = rest.join('/');
          if (service) onSelect({ service, namespace });
        }}
      >
        {!selected && <option value="">Choose a service…</option>}
        {selected && !known && <option value={valueOf(selected)}>{`${selected.service} (${selected.namespace || 'any namespace'})`}</option>}
        {services.map((s) => (
          <option key={valueOf(s)} value={valueOf(s)}>
            {`${s.service} (${s.namespace})`}
          </option>
        ))}
      </select>
      <span id={statusId} className={styles.status} role={query.isError ? 'alert' : undefined}>
        {query.isPending
          ? 'Loading services…'
          : query.isError
            ? `Could not load the service list: ${query.error.message}`
            : `${services.length} services with traffic in this range`}
      </span>
    </div>
  );
}
