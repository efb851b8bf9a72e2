import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from '@/components/providers';
import { THEME_SCRIPT } from '@/components/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Meshwatch', template: '%s · Meshwatch' },
  description: 'SLO and service-mesh observability dashboards over Prometheus',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts's per-request nonce: the Content-Security-Policy runs only scripts that carry it. Reading
  // the headers makes every page render per request, which nonces need.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before React hydrates; the warning would be a false alarm.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <AppHeader />
        <Providers>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
