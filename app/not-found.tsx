import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no Meshwatch page at this address.</p>
      <p>
        <Link href="/">Back to the Executive dashboard</Link>
      </p>
    </>
  );
}
