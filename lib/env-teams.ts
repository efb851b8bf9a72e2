// MESHWATCH_TEAMS parsing for lib/env.ts (pure; reads no environment itself).
import { parsePairs } from './env-pairs';

// Kubernetes namespaces are DNS labels (RFC 1123).
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** `shop=storefront,payments=payments`: namespace -> team. Returns a problem description instead of throwing. */
export function parseTeams(text: string | undefined): Record<string, string> | string {
  // Team names are free text (they are shown and matched, never used as label names).
  return parsePairs(text, { key: 'namespace', value: 'team', validKey: (n) => NAMESPACE.test(n), validValue: () => true });
}
