import { windowExprs } from './queries';
import type { SliSource } from './sli-source';
import type { SloSpec } from './spec';

// Identity of an SLI definition, carried by every recorded series as `sli_hash`, so a reader never
// takes a series recorded for an older definition of the same SLO (another service, indicator or
// threshold) as the current one. Pure, and free of node:crypto so the browser may import it.

/** Stands for the window in the hashed expressions: the window is already in the record's name. */
const WINDOW_TOKEN = '$window';
/** 12 hex digits (48 bits): a collision needs ~16 million definitions of one SLO. */
const HASH_HEX_DIGITS = 12;

/**
 * cyrb53 (a public-domain 53-bit string hash by bryc, two multiply-xorshift lanes): plenty for an
 * identifier and a few lines, where a cryptographic hash would pull node:crypto into the browser.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Hash of what the recorded numbers depend on: the PromQL of the error ratio and of the events, with
 * the window left out. That covers service, namespace, indicator and threshold, and also Meshwatch's
 * own conventions (error codes, reporter) and the mesh's metrics, so series recorded from another mesh's
 * counters never pass for this one's; objective, policy, team and description do not change the ratio,
 * so editing them keeps the recorded history usable.
 */
export function sliHash(spec: SloSpec, source: SliSource): string {
  const { ratio, total } = windowExprs(spec, WINDOW_TOKEN, source);
  return cyrb53(`${ratio}\n${total}`).toString(16).padStart(14, '0').slice(-HASH_HEX_DIGITS);
}
