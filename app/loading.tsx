export default function Loading() {
  return (
    <div aria-busy="true">
      <p className="sr-only">Loading…</p>
    </div>
  );
}
