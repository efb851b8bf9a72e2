'use client';

import { useRef } from 'react';
import styles from './slo.module.css';

interface Props {
  name: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
}

/** Delete behind a confirmation (native modal dialog: focus trap and Escape for free). */
export function DeleteButton({ name, pending, error, onConfirm }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Delete
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="slo-delete-title">
        <h2 id="slo-delete-title">Delete {name}?</h2>
        <p>Its alert rules stop being generated. The change history is kept.</p>
        {error && <p role="alert" className={styles.fieldError}>{error.message}</p>}
        <div className={styles.actions}>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" onClick={onConfirm} disabled={pending}>
            Delete SLO
          </button>
        </div>
      </dialog>
    </>
  );
}
