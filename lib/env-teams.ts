// MESHWATCH_TEAMS parsing for lib/env.ts (pure; reads no environment itself).

// Kubernetes namespaces are DNS labels (RFC 1123).
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** `shop=storefront,payments=payments`: namespace -> team. Returns a problem description instead of throwing. */
export function parseTeams(text: string | undefined): Record<string, string> | string {
  const teams: Record<string, string> = {};
  if (text === undefined) return teams;
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const namespace = (at < 0 ? pair : pair.slice(0, at)).trim();
    const team = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!NAMESPACE.test(namespace)) return `invalid namespace ${JSON.stringify(namespace)} (expected namespace=team pairs)`;
    if (team === '' || team.includes('=')) return `namespace ${namespace} needs one team name (namespace=team)`;
    if (namespace in teams) return `namespace ${namespace} is mapped twice`;
    teams[namespace] = team;
  }
  return teams;
}
