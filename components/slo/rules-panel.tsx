'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '@/lib/queries/keys';
import { SelectField } from '@/components/ui/select-field';
import { fetchText } from '@/lib/queries/api-fetch';
import { AlertmanagerPanel } from './alertmanager-panel';
import styles from './slo.module.css';
import { useCopy } from './use-copy';

const FORMATS = [
  { value: 'prometheus', label: 'Rule file' },
  { value: 'prometheusrule', label: 'PrometheusRule' },
] as const;

/** The generated recording and alert rules, with copy and download, plus OpenSLO / Sloth export. */
export function RulesPanel({ name }: { name: string }) {
  const [format, setFormat] = useState<(typeof FORMATS)[number]['value']>('prometheus');
  const { copied, copy: copyText } = useCopy();
  const path = `/api/slos/${encodeURIComponent(name)}/rules?format=${format}`;
  const rules = useQuery({ queryKey: queryKeys.sloRules(name, format), queryFn: ({ signal }) => fetchText(path, signal) });
  const copy = () => copyText(rules.data);
  return (
    <section className={styles.card} aria-label="Generated rules">
      <h2>Generated rules</h2>
      <div className={styles.actions}>
        <SelectField label="Format" value={format} options={FORMATS} onChange={setFormat} />
        <button type="button" onClick={() => void copy()} disabled={!rules.data}>
          {copied ? 'Copied' : 'Copy rules'}
        </button>
        <a href={path} download>
          Download rules
        </a>
        {/* promtool test rules cases for the rules file above (README "Rule unit tests"). */}
        <a href={`/api/slos/${encodeURIComponent(name)}/rules/tests`} download>
          Download rule tests
        </a>
        <span className={styles.muted}>Export:</span>
        <a href={`/api/slos/${encodeURIComponent(name)}/export?format=openslo`} download>
          OpenSLO
        </a>
        <a href={`/api/slos/${encodeURIComponent(name)}/export?format=sloth`} download>
          Sloth
        </a>
      </div>
      {rules.isError && <p role="alert">Could not load the rules: {rules.error.message}</p>}
      {rules.data && (
        <pre className={styles.code} aria-label="Rules YAML">
          {rules.data}
        </pre>
      )}
      <AlertmanagerPanel />
    </section>
  );
}
