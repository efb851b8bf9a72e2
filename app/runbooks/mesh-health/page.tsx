import type { Metadata } from 'next';
import styles from '@/components/slo/slo.module.css';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { MESH_ALERTS } from '@/lib/mesh-alerts';
import { RUNBOOKS } from '@/lib/mesh-alerts/runbooks';

export const metadata: Metadata = { title: 'Runbooks: mesh-health alerts' };

const MESHES = [
  { name: 'Istio', signals: istioAdapter.healthSignals() },
  { name: 'Linkerd', signals: linkerdAdapter.healthSignals() },
];

/** The mesh-health alerts' runbooks: each alert's runbook_url points at its section here. */
export default function MeshHealthRunbooksPage() {
  return (
    <article className={styles.page}>
      <h1>Runbooks: mesh-health alerts</h1>
      <p className={styles.muted}>
        Meshwatch writes these alerts beside the SLO alerts; thresholds and on/off are on <a href="/settings/alerts">Alerts settings</a>. The incident
        checklist on <a href="/oncall">On-call</a> reads the same signals.
      </p>
      {RUNBOOKS.map((r) => {
        const def = MESH_ALERTS.find((d) => d.id === r.id);
        return (
          <section key={r.id} id={r.id} className={styles.card} aria-labelledby={`${r.id}-title`}>
            <h2 id={`${r.id}-title`}>
              {def?.title} <span className={styles.muted}>({def?.alert}, {def?.severity})</span>
            </h2>
            <p>{r.impact}</p>
            <h3>What to do</h3>
            <ol>
              {r.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <h3>What it reads</h3>
            <ul>
              {MESHES.map((m) => (
                <li key={m.name}>
                  {m.name}: {r.reads(m.signals)}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
