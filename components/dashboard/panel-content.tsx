'use client';

import type { PanelResponse } from '@/lib/dashboards/schema';
import { HeatmapView, TimeseriesView } from './chart-views';
import { emptyText, isEmptyData } from './empty-data';
import { MissingNotice } from './missing-notice';
import { StatView } from './stat-view';
import { TableView } from './table-view';
import styles from './views.module.css';

function DataView({ response, title, linkHref }: { response: PanelResponse; title: string; linkHref: (href: string) => string }) {
  const { data, range } = response;
  switch (data.kind) {
    case 'stat':
      return <StatView data={data} title={title} />;
    case 'timeseries':
      return <TimeseriesView data={data} title={title} startMs={range.start * 1000} endMs={range.end * 1000} />;
    case 'table':
      return <TableView data={data} caption={title} linkHref={linkHref} />;
    case 'heatmap':
      return <HeatmapView data={data} title={title} />;
  }
}

/** A panel's body: the missing-signal notice (with any fallback data under it), the data, or why there is none. */
export function PanelContent({ response, title, linkHref }: { response: PanelResponse; title: string; linkHref: (href: string) => string }) {
  const { data } = response;
  const empty = isEmptyData(data);
  // Tables and charts may say what they mean ("no alerts firing at the end of the range").
  const detail = data.kind === 'table' || data.kind === 'timeseries' ? data.detail : undefined;
  return (
    <>
      {response.missing && <MissingNotice reason={response.missing.reason} howToEnable={response.missing.howToEnable} />}
      {!empty && <DataView response={response} title={title} linkHref={linkHref} />}
      {!empty && detail && <p className={styles.detail}>{detail}</p>}
      {empty && !response.missing && <p className={styles.empty}>{detail ?? emptyText(response.panel, data)}</p>}
      {empty && response.missing && detail && <p className={styles.detail}>{detail}</p>}
    </>
  );
}
