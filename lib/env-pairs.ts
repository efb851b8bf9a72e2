// The `key=value,key=value` shape of MESHWATCH_TEAMS and MESHWATCH_REGIONS, parsed in one place for
// lib/env.ts (pure; reads no environment itself). Each variable says what its sides are and which names
// it accepts; the problem texts follow from those words, so both variables explain themselves alike.

export interface PairsShape {
  /** What the left side names ("namespace", "cluster"): it is the map's key. */
  key: string;
  /** What the right side names ("team", "region"). */
  value: string;
  validKey: (name: string) => boolean;
  validValue: (name: string) => boolean;
  /** Which names the value may be, appended to "needs one ... name (key=value, ...)". */
  valueHint?: string;
}

/**
 * `a=x, b=y,`: key -> value, spaces around names and empty pairs ignored. Returns a problem description
 * instead of throwing (the caller prefixes the variable's name).
 */
export function parsePairs(text: string | undefined, shape: PairsShape): Record<string, string> | string {
  const pairs: Record<string, string> = {};
  if (text === undefined) return pairs;
  const example = `${shape.key}=${shape.value}`;
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    const value = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!shape.validKey(key)) return `invalid ${shape.key} ${JSON.stringify(key)} (expected ${example} pairs)`;
    // A second '=' is never part of a name: `a=b=c` is a typo for two pairs, not the value `b=c`.
    if (value === '' || value.includes('=') || !shape.validValue(value)) return `${shape.key} ${key} needs one ${shape.value} name (${example}${shape.valueHint ? `, ${shape.valueHint}` : ''})`;
    // Own keys only: a namespace called `constructor` is a name like any other.
    if (Object.hasOwn(pairs, key)) return `${shape.key} ${key} is mapped twice`;
    pairs[key] = value;
  }
  return pairs;
}
