// Safe construction of PromQL fragments from values that come from users or from data.
// Pure: no server-only, so lib/mesh, lib/slo and their tests can use it.
export { durationToPromql, parsePromDuration } from './duration';

export type MatchOp = '=' | '!=' | '=~' | '!~';

/** A value to match literally; for `=~`/`!~` an array means "any of these". */
export interface Literal {
  literal: string | readonly string[];
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

// PromQL double-quoted strings follow Go's escaping rules
// (https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals):
// a raw newline ends the query with a parse error, and `\` / `"` would end or bend the string.
const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Escapes a value for use inside a double-quoted PromQL string (without the quotes). */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (ch) => STRING_ESCAPES[ch] ?? ch);
}

/** Escapes RE2 metacharacters so that a literal matches only itself in a `=~` matcher. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** True for a label name PromQL accepts without quoting. */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/**
 * Builds one matcher such as `namespace="shop"`. A plain string value is used as given (for regex ops
 * it is a regex written by our code); `{ literal }` values are regex-escaped first.
 */
export function labelMatcher(name: string, op: MatchOp, value: string | Literal): string {
  if (!isValidLabelName(name)) {
    throw new Error(`invalid label name ${JSON.stringify(name)}`);
  }
  return `${name}${op}"${escapeLabelValue(matcherText(op, value))}"`;
}

function matcherText(op: MatchOp, value: string | Literal): string {
  if (typeof value === 'string') return value;
  const regex = op === '=~' || op === '!~';
  if (typeof value.literal === 'string') {
    return regex ? escapeRegex(value.literal) : value.literal;
  }
  if (!regex) {
    throw new Error(`operator ${op} takes a single value, got a list`);
  }
  // An empty alternative would match series that lack the label entirely.
  if (value.literal.length === 0) {
    throw new Error('a list of literal values must not be empty');
  }
  return value.literal.map(escapeRegex).join('|');
}

export type MatcherSpec = string | Literal | readonly [MatchOp, string | Literal] | undefined;

/**
 * Builds a selector body from a record: `{ namespace: 'shop', code: ['=~', '5..'] }` gives
 * `{namespace="shop",code=~"5.."}`. Strings and literals use `=`; `undefined` entries are skipped.
 */
export function matchers(spec: Readonly<Record<string, MatcherSpec>>): string {
  const parts: string[] = [];
  for (const [name, entry] of Object.entries(spec)) {
    if (entry === undefined) continue;
    if (Array.isArray(entry)) {
      const [op, value] = entry as readonly [MatchOp, string | Literal];
      parts.push(labelMatcher(name, op, value));
    } else {
      parts.push(labelMatcher(name, '=', entry as string | Literal));
    }
  }
  return `{${parts.join(',')}}`;
}
