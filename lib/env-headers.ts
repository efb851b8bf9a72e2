// PROMETHEUS_HEADERS parsing for lib/env.ts (pure; reads no environment itself).

export const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';
// RFC 9110 token characters for names; values must not smuggle in more header lines.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

/** `A=1,B=2` or a JSON object; returns a problem description instead of throwing. */
export function parseHeaders(text: string | undefined): Record<string, string> | string {
  if (text === undefined) return {};
  let entries: [string, unknown][];
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object';
      entries = Object.entries(parsed);
    } catch {
      return 'is not valid JSON';
    }
  } else {
    entries = text.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair.trim(), undefined] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) return `invalid header name ${JSON.stringify(name)}`;
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) return `header ${name} needs a single-line string value (Name=value)`;
    headers[name] = value;
  }
  return headers;
}
