'use client';

import Link from 'next/link';

/** Last-resort boundary: panels handle their own data errors, so this is for bugs. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p>This page failed to render. Trying again often helps; if it does not, report the reference below.</p>
      {digest && (
        <p>
          Reference: <code>{digest}</code>
        </p>
      )}
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>{' '}
        <Link href="/">Back to the Executive dashboard</Link>
      </p>
    </div>
  );
}
