import { ERROR_BAD, ERROR_WARN } from '@/lib/graph';
import styles from './graph.module.css';

/** What colours, dashes and shapes mean; the picture never relies on colour alone. */
export function GraphLegend({ compare }: { compare: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li><span className={styles.dotOk} /> healthy (&lt; {ERROR_WARN * 100}% errors)</li>
      <li><span className={styles.dotWarn} /> ▲ degraded (≥ {ERROR_WARN * 100}%)</li>
      <li><span className={styles.dotBad} /> ✖ failing (≥ {ERROR_BAD * 100}%)</li>
      <li>services with SLOs: ✖ SLO: paging · ▲ SLO: ticket · SLO: ok</li>
      <li><span className={styles.lineSolid} /> mTLS</li>
      <li><span className={styles.lineDashed} /> ⚠ plaintext (or TCP, grey)</li>
      <li>◆ ingress gateway · ▲ outside the mesh · ▢ TCP-only</li>
      <li>size: traffic · width: rate</li>
      {compare && <li>blue: new call · dotted: gone · label: error ratio changed most</li>}
    </ul>
  );
}
