'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { formatRps } from '@/components/format';
import { HealthChip } from '@/components/ui/health-chip';
import type { GraphEdge, GraphNode } from '@/lib/graph';
import { edgeSummary, formatErrorPct, formatP95 } from './format-graph';
import styles from './graph.module.css';
import { debugHref, sloHref } from '@/lib/links';

export interface NodePanelProps {
  node: GraphNode;
  edges: readonly GraphEdge[];
  onClose: () => void;
  onFocus: (id: string) => void;
  onSelect: (id: string) => void;
  /** The node's SLOs by name, linked; their state is already in the node's verdict. */
  sloNames?: readonly string[];
  /** What a node is in this view. */
  noun?: 'Service' | 'Workload';
  /** The graph's pinned moment (unix s): the links onward keep it. */
  pinned?: number;
}

function Calls({ title, edges, peer, onSelect }: { title: string; edges: GraphEdge[]; peer: (e: GraphEdge) => string; onSelect: (id: string) => void }) {
  if (edges.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className={styles.calls}>
        {edges.map((e) => (
          <li key={`${peer(e)} ${e.protocol}`}>
            <button type="button" className={styles.link} onClick={() => onSelect(peer(e))}>
              {peer(e)}
            </button>
            <span>{edgeSummary(e)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Golden signals of one service (or workload), its callers and callees, and where to dig further. */
export function NodePanel({ node, edges, sloNames = [], onClose, onFocus, onSelect, noun = 'Service', pinned }: NodePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A row clicked far down the table opens a panel up by the picture: bring it (and focus) there.
  useEffect(() => heading.current?.focus(), [node.id]);
  return (
    <aside className={styles.panel} aria-label={`${noun} ${node.id}`}>
      <header>
        <h2 ref={heading} tabIndex={-1}>
          {node.id}
        </h2>
        <button type="button" onClick={onClose} aria-label={`Close ${noun.toLowerCase()} panel`}>
          ×
        </button>
      </header>
      <p className={styles.verdict}>
        {node.kind !== 'service' ? `${node.kind} · ` : ''}
        <HealthChip health={node.health} /> <span>{node.health.reason}</span>
      </p>
      <dl className={styles.signals}>
        <dt>Traffic</dt>
        <dd>{formatRps(node.rps)} req/s</dd>
        <dt>Errors</dt>
        <dd>{formatErrorPct(node.errorRatio)}</dd>
        <dt>Latency p95</dt>
        <dd>{formatP95(node.p95Ms)}</dd>
      </dl>
      {node.revisions && node.revisions.length > 0 && (
        <p className={styles.revisions}>Revisions: {node.revisions.map((r) => `${r.revision} (${formatRps(r.rps)} req/s)`).join(', ')}</p>
      )}
      <p className={styles.actions}>
        <button type="button" onClick={() => onFocus(node.id)}>
          Focus here
        </button>
        <Link href={debugHref(node.service, node.namespace, pinned)}>Debug</Link>
        <Link href={`/slos?${new URLSearchParams({ service: node.service }).toString()}`}>SLOs</Link>
      </p>
      {sloNames.length > 0 && (
        <>
          <h3>SLOs</h3>
          <ul className={styles.calls}>
            {sloNames.map((name) => (
              <li key={name}>
                <Link href={sloHref(name, pinned)}>{name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Calls title="Called by" edges={edges.filter((e) => e.target === node.id)} peer={(e) => e.source} onSelect={onSelect} />
      <Calls title="Calls" edges={edges.filter((e) => e.source === node.id)} peer={(e) => e.target} onSelect={onSelect} />
    </aside>
  );
}
