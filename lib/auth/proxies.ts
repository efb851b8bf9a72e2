import { BlockList, isIP } from 'node:net';

// Addresses whose proxy headers (MESHWATCH_AUTH_USER_HEADER, X-Forwarded-For, X-Forwarded-Host) are
// believed, as Grafana's auth proxy `whitelist` does: anyone else who reaches the port could send them.

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) compares as `10.0.0.5`. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** `10.0.0.5, 10.1.0.0/16, ::1, fd00::/8`: addresses and CIDR ranges; a problem string when one is neither. */
export function parseTrustedProxies(text: string | undefined): string[] | string {
  if (text === undefined) return [];
  const entries = text.split(',').map((e) => e.trim());
  for (const [i, entry] of entries.entries()) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !validBits || extra !== undefined) return `entry ${i + 1} must be an IP address or a CIDR range such as 10.0.0.0/8`;
  }
  return entries;
}

/** A matcher over parsed entries (parseTrustedProxies output). */
export function proxyMatcher(entries: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const plain = normalizeAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}
