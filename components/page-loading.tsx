/** What a page shows while its code or data is on the way (route loading and lazy page bodies). */
export function PageLoading() {
  return (
    <div aria-busy="true">
      <p className="sr-only">Loading…</p>
    </div>
  );
}
