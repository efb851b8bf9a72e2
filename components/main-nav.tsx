'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { parseTimeState, withTime } from '@/lib/queries/time-state';
import { isCurrent, NAV_ITEMS, TIME_AWARE } from './nav-items';
import styles from './app-header.module.css';

function NavLinks({ hrefFor }: { hrefFor: (href: string) => string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul>
        {NAV_ITEMS.map(({ href, label }) => (
          <li key={href}>
            <Link href={hrefFor(href)} aria-current={isCurrent(pathname, href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Dashboard links keep the time range being looked at (an incident stays in view across dashboards). */
function TimeAwareNav() {
  const search = useSearchParams();
  const state = parseTimeState(Object.fromEntries(search.entries()));
  return <NavLinks hrefFor={(href) => (TIME_AWARE.has(href) ? withTime(href, state) : href)} />;
}

const plain = (href: string) => href;

export function MainNav() {
  // Static pages render without search params; the plain links stand in until the client has them.
  return (
    <Suspense fallback={<NavLinks hrefFor={plain} />}>
      <TimeAwareNav />
    </Suspense>
  );
}
