// A bounded cache of Prometheus answers: least recently used entries go first once the byte budget
// is spent, and every entry expires after its own time to live. Pure: the clock is a parameter.

interface Entry<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

export interface AnswerCache<V> {
  get(key: string, now: number): V | undefined;
  /** Keeps `value` (costing `bytes`) until `now + ttlMs`; a value larger than the whole budget is not kept. */
  set(key: string, value: V, bytes: number, ttlMs: number, now: number): void;
  readonly bytes: number;
  readonly size: number;
}

export function createAnswerCache<V>(maxBytes: number): AnswerCache<V> {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, Entry<V>>();
  let bytes = 0;
  const drop = (key: string, entry: Entry<V>) => {
    entries.delete(key);
    bytes -= entry.bytes;
  };
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, size, ttlMs, now) {
      const old = entries.get(key);
      if (old) drop(key, old);
      if (size > maxBytes || ttlMs <= 0) return;
      for (const [k, e] of entries) {
        if (bytes + size <= maxBytes) break;
        drop(k, e);
      }
      entries.set(key, { value, bytes: size, expiresAt: now + ttlMs });
      bytes += size;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}
