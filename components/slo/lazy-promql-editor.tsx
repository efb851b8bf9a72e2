'use client';

import dynamic from 'next/dynamic';
import type { PromqlEditorProps } from './promql-editor';
import styles from './slo.module.css';

/** CodeMirror and the PromQL grammar load only when a custom indicator is chosen. */
const Editor = dynamic<PromqlEditorProps>(() => import('./promql-editor'), {
  ssr: false,
  loading: () => <div className={styles.editor} aria-hidden="true" />,
});

export function LazyPromqlEditor(props: PromqlEditorProps) {
  return (
    <div className={styles.editor}>
      <Editor {...props} />
    </div>
  );
}
