import Link from 'next/link';
import styles from './dashboard.module.css';

/** An honest placeholder for a dashboard that is not built yet: what it will answer, no fake data. */
export function ComingSoon({ title, question }: { title: string; question: string }) {
  return (
    <div className={styles.prose}>
      <h1>{title}</h1>
      <p>
        <strong>Coming soon.</strong> This page will answer: {question}
      </p>
      <p>It shows no data yet, so nothing here can be mistaken for real telemetry.</p>
      <p>
        <Link href="/">Back to the Executive dashboard</Link>
      </p>
    </div>
  );
}
