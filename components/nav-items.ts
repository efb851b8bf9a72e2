export const NAV_ITEMS = [
  { href: '/', label: 'Executive' },
  { href: '/oncall', label: 'On-call' },
  { href: '/debug', label: 'Debug' },
  { href: '/graph', label: 'Graph' },
  { href: '/slos', label: 'SLOs' },
  { href: '/report', label: 'Report' },
  { href: '/maintenance', label: 'Maintenance' },
  { href: '/settings/alerts', label: 'Alerts' },
] as const;

/** True when `pathname` is `href` or below it (`/slos/checkout` is under SLOs); `/` matches only itself. */
export function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Dashboards that read the time range from the URL; links to them carry it along. */
export const TIME_AWARE: ReadonlySet<string> = new Set(['/', '/oncall', '/debug']);
