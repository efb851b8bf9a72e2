'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { formatRps } from '@/components/format';
import { HealthChip } from '@/components/ui/health-chip';
import type { GraphEdge } from '@/lib/graph';
import { formatBytes, formatErrorPct, formatMtls, formatP95, isPlaintext } from './format-graph';
import styles from './graph.module.css';
import { debugHref } from '@/lib/links';

export interface EdgePanelProps {
  edge: GraphEdge;
  onClose: () => void;
  onSelectNode: (id: string) => void;
  /** The graph's pinned moment (unix s): the debug link keeps it. */
  pinned?: number;
}

function split(id: string): { namespace: string; name: string } {
  const i = id.indexOf('/');
  return { namespace: id.slice(0, i), name: id.slice(i + 1) };
}

/** Debug of the callee, whose "latency by caller" and inbound-edge panels break this call out. */
export function edgeDebugHref(edge: Pick<GraphEdge, 'source' | 'target'>, pinned?: number): string {
  const target = split(edge.target);
  return debugHref(target.name, target.namespace, pinned);
}

/** One call's golden signals and its security, with the way into debugging it. */
export function EdgePanel({ edge, onClose, onSelectNode, pinned }: EdgePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const name = `${edge.source} → ${edge.target}`;
  // Selected on the canvas or far down the table: move focus to the panel, as the node panel does.
  useEffect(() => heading.current?.focus(), [name]);
  return (
    <aside className={styles.panel} aria-label={`Call ${name}`}>
      <header>
        <h2 ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close call panel">
          ×
        </button>
      </header>
      <p className={styles.verdict}>
        <HealthChip health={edge.health} /> <span>{edge.health.reason}</span>
        {isPlaintext(edge) ? ' · ⚠ not all traffic is mutual TLS' : ''}
      </p>
      <dl className={styles.signals}>
        <dt>Rate</dt>
        <dd>{edge.protocol === 'tcp' ? `${formatRps(edge.rps)} conn/s` : `${formatRps(edge.rps)} req/s`}</dd>
        {edge.protocol === 'tcp' && (
          <>
            <dt>Bytes</dt>
            <dd>{formatBytes(edge.bytesPerSecond ?? 0)}</dd>
          </>
        )}
        <dt>Errors</dt>
        <dd>{formatErrorPct(edge.errorRatio)}</dd>
        <dt>Latency p95</dt>
        <dd>{formatP95(edge.p95Ms)}</dd>
        <dt>mTLS share</dt>
        <dd>
          {edge.mtlsRatio === null ? '—' : `${(edge.mtlsRatio * 100).toFixed(0)}%`} ({formatMtls(edge.mtlsRatio)})
        </dd>
      </dl>
      <p className={styles.actions}>
        <Link href={edgeDebugHref(edge, pinned)}>Debug {edge.target} (by caller)</Link>
      </p>
      <dl className={styles.signals}>
        <dt>Caller</dt>
        <dd>
          <button type="button" className={styles.link} onClick={() => onSelectNode(edge.source)}>
            {edge.source}
          </button>
        </dd>
        <dt>Callee</dt>
        <dd>
          <button type="button" className={styles.link} onClick={() => onSelectNode(edge.target)}>
            {edge.target}
          </button>
        </dd>
      </dl>
    </aside>
  );
}
