import { describe, expect, it } from 'vitest';
import { layeredLayout, NODE_GAP } from './layout';

const e = (source: string, target: string) => ({ source, target });

/** A deterministic pseudo-random mesh: each node calls a few nodes with a higher index (plus some cycles). */
export function syntheticMesh(n: number, m: number) {
  let s = 42;
  const rnd = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const ids = Array.from({ length: n }, (_, i) => `ns${i % 20}/svc-${i}`);
  const edges = Array.from({ length: m }, () => {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    return e(ids[Math.min(a, b)] as string, ids[Math.max(a, b) === Math.min(a, b) ? (a + 1) % n : Math.max(a, b)] as string);
  });
  return { ids, edges };
}

describe('layeredLayout', () => {
  it('puts every caller left of its callees on an acyclic graph', () => {
    const edges = [e('gw', 'front'), e('front', 'cart'), e('front', 'catalog'), e('cart', 'db'), e('gw', 'db')];
    const p = layeredLayout(['db', 'cart', 'catalog', 'front', 'gw'], edges);
    for (const { source, target } of edges) expect(p.get(source)?.x ?? 0).toBeLessThan(p.get(target)?.x ?? 0);
    // Longest path: db is after cart, not beside front even though gw calls it directly.
    expect(p.get('db')?.layer).toBe(3);
  });

  it('survives cycles and self-loops, placing every node once', () => {
    const p = layeredLayout(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('b', 'b')]);
    expect(p.size).toBe(3);
    expect(p.get('a')?.layer).toBe(0);
  });

  it('never overlaps two nodes and is deterministic whatever the input order', () => {
    const { ids, edges } = syntheticMesh(300, 1200);
    const a = layeredLayout(ids, edges);
    const b = layeredLayout([...ids].reverse(), [...edges].reverse());
    const spots = new Set([...a.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(ids.length);
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
    for (const p of a.values()) expect(Math.abs(p.y / NODE_GAP) % 0.5).toBeCloseTo(0, 9);
  });

  it('orders by barycentre: a child sits on the same side as its parent', () => {
    const p = layeredLayout(['r', 'a', 'z', 'a1', 'z1'], [e('r', 'a'), e('r', 'z'), e('a', 'z1'), e('z', 'a1')]);
    // Without ordering a1 (alphabetically first) would sit opposite its parent z, crossing a -> z1.
    expect(Math.sign(p.get('a1')?.y ?? 0)).toBe(Math.sign(p.get('z')?.y ?? 0));
  });

  // How long this takes is measured by the layout benchmark (scripts/bench), not asserted here.
  it('lays out 1,000 nodes and 5,000 edges with every edge pointing forward', () => {
    const { ids, edges } = syntheticMesh(1000, 5000);
    const p = layeredLayout(ids, edges);
    expect(p.size).toBe(ids.length);
    for (const { source, target } of edges) expect(p.get(source)?.layer ?? 0).toBeLessThan(p.get(target)?.layer ?? 0);
  });
});
