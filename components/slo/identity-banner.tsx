'use client';

import { useMe } from '@/lib/queries/slo-hooks';
import styles from './slo.module.css';

/** True once /api/me says the user may change SLOs; the server enforces it either way. */
export function useCanEdit(): boolean {
  const me = useMe();
  return me.data?.role === 'editor';
}

/** The demo editor mode, or the read-only notice for viewers and anonymous users. */
export function IdentityBanner() {
  const me = useMe();
  if (!me.data) return null;
  if (me.data.role === 'editor' && me.data.demo && me.data.user === 'demo') {
    return (
      <p className={styles.banner} role="status">
        <strong>Demo:</strong> you are a local editor. Anyone reaching this server can change SLOs.
      </p>
    );
  }
  if (me.data.role !== 'editor') {
    return (
      <p className={styles.banner} role="status">
        <strong>Read-only:</strong> {me.data.user ? `${me.data.user} is a viewer` : 'you are not signed in'}; changing SLOs needs the editor role.
      </p>
    );
  }
  return null;
}
