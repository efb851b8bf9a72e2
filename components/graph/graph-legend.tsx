import styles from './graph.module.css';

/** What colours, dashes and shapes mean; the picture never relies on colour alone. */
export function GraphLegend({ compare, crossCluster = false }: { compare: boolean; crossCluster?: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li><span className={styles.dotOk} /> OK</li>
      <li><span className={styles.dotWarn} /> ▲ Warning</li>
      <li><span className={styles.dotBad} /> ✖ Failing (hover or pick a node for why: its error ratio or its SLOs)</li>
      <li><span className={styles.lineSolid} /> mTLS</li>
      <li><span className={styles.lineDashed} /> ⚠ plaintext (or TCP, grey)</li>
      {crossCluster && <li><span className={styles.lineDashDot} /> across clusters (service@cluster)</li>}
      <li>◆ ingress gateway · ▲ outside the mesh · ▢ TCP-only</li>
      <li>size: traffic · width: rate</li>
      {compare && <li>blue: new call · dotted: gone · label: error ratio changed most</li>}
    </ul>
  );
}
