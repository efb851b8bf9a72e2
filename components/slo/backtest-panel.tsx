'use client';

import { useId, type ReactNode } from 'react';
import { Panel, type PanelQuery } from '@/components/panel';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { BacktestChart } from './backtest-chart';
import { BacktestEpisodesTable } from './backtest-episodes-table';
import { MaintenancePeriods } from '@/components/maintenance/maintenance-periods';
import { formatUtc } from '@/lib/format';
import { RANGE_CHOICES, rangeLabel, summarySentences, type RangeChoice } from './backtest-format';
import local from './backtest.module.css';

/** Which series the figures came from, in words (the recording rules are much cheaper to read). */
export function sourceWords(source: BacktestResult['source']): string {
  return source === 'recorded' ? 'recording rules' : 'raw counters';
}

export function RangeSelect({ value, onChange, sloWindow, label = 'Backtest range' }: { value: RangeChoice; onChange: (v: RangeChoice) => void; sloWindow: string; label?: string }) {
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{label} </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RangeChoice)}>
        {RANGE_CHOICES.map((c) => (
          <option key={c} value={c}>
            {rangeLabel(c, sloWindow)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Summary sentences and recommendations: what the numbers mean and what to change. */
export function BacktestVerdict({ result }: { result: BacktestResult }) {
  return (
    <>
      <h3>Summary</h3>
      <ul className={local.summary} aria-label="Backtest summary">
        {summarySentences(result.summary, result.events).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <h3>Recommendations</h3>
      {result.recommendations.length === 0 ? (
        <p>Nothing to change: this policy neither missed, nor lagged, nor flapped over this period.</p>
      ) : (
        <ul className={local.recommendations} aria-label="Recommendations">
          {result.recommendations.map((r) => (
            <li key={`${r.kind}:${r.message}`}>
              {r.message}
              <span className={local.change}>Change: {r.change}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The chart, the episodes (or plainly none), then the verdict. */
function BacktestBody({ result, title }: { result: BacktestResult; title: string }) {
  const period = `${formatUtc(result.from)} to ${formatUtc(result.to)}`;
  return (
    <>
      <BacktestChart result={result} label={`${title}: burn rate per window from ${period}, with alert episodes shaded`} />
      {result.episodes.length === 0 ? (
        <p className={local.empty}>No alerts would have fired in this period.</p>
      ) : (
        <div className={local.wide}>
          <BacktestEpisodesTable episodes={result.episodes} to={result.to} caption={`Alert episodes, ${period}`} />
          <MaintenancePeriods periods={result.maintenance ?? []} title="Maintenance windows of this service in the range" />
        </div>
      )}
      <BacktestVerdict result={result} />
    </>
  );
}

interface Props {
  title: string;
  description?: string;
  query: PanelQuery & { data?: BacktestResult };
  /** Range picker and the like, shown while loading and after errors too. */
  controls?: ReactNode;
}

/** What a policy would have done over history: loading, error with Retry, and the PromQL under Inspect. */
export function BacktestPanel({ title, description, query, controls }: Props) {
  const result = query.data;
  // The header's meta line holds the controls, so they stay usable while loading or after an error.
  const meta = (
    <>
      {controls}
      {result && <span className={local.source}>From {sourceWords(result.source)}, evaluated every {result.step} s</span>}
    </>
  );
  const queries = result?.queries.map((promql, i) => ({ purpose: `Query ${i + 1} (${sourceWords(result.source)})`, promql })) ?? [];
  return (
    <Panel title={title} description={description} meta={meta} query={query} queries={queries}>
      {result && <BacktestBody result={result} title={title} />}
    </Panel>
  );
}
