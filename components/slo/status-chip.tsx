import type { Chip } from './slo-format';
import styles from './slo.module.css';

export function StatusChip({ chip, title }: { chip: Chip; title?: string }) {
  return (
    <span className={`${styles.chip} ${chip.tone === 'muted' ? styles.muted : styles[chip.tone]}`} title={title}>
      {chip.label}
    </span>
  );
}
