import { describe, expect, it } from 'vitest';
import { controlPoint, EDGE_SLOP, hitEdge, pointOnEdge, projector } from './graph-hit';

// Nodes whose projection onto a 1000x400 canvas is easy to reason about (see graph-hit.test.ts).
const nodes = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: 100, y: 0 },
  { id: 'c', x: 100, y: 100 },
];
const size = { width: 1000, height: 400 };
const edges = [
  { source: 'a', target: 'b' },
  { source: 'a', target: 'c' },
];

describe('edge geometry', () => {
  it('bends like ECharts: control point = midpoint - curveness x (dy, -dx) of the chord', () => {
    // Hand math: p1 (0,0), p2 (100,0), curveness 0.1 -> (50 - (0 - 0) * 0.1, 0 - (100 - 0) * 0.1) = (50, -10).
    expect(controlPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.1)).toEqual({ x: 50, y: -10 });
    // Halfway along a quadratic Bézier: 1/4 p1 + 1/2 c + 1/4 p2 = (50, -5).
    expect(pointOnEdge({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.1, 0.5)).toEqual({ x: 50, y: -5 });
  });
});

describe('hitEdge', () => {
  const at = projector(nodes, size);
  const [a, b, c] = nodes.map(at) as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];

  it('finds a straight edge under the pointer, and nothing beside it', () => {
    const mid = { x: (a.x + b.x) / 2, y: a.y };
    expect(hitEdge(nodes, edges, size, 0, mid.x, mid.y + EDGE_SLOP - 1)).toBe(0);
    expect(hitEdge(nodes, edges, size, 0, mid.x, mid.y + EDGE_SLOP + 30)).toBeUndefined();
  });

  it('follows the curve, not the chord', () => {
    const bend = pointOnEdge(a, c, 0.08, 0.5);
    const chord = { x: (a.x + c.x) / 2, y: (a.y + c.y) / 2 };
    expect(Math.hypot(bend.x - chord.x, bend.y - chord.y)).toBeGreaterThan(EDGE_SLOP * 2);
    expect(hitEdge(nodes, edges, size, 0.08, bend.x, bend.y)).toBe(1);
    expect(hitEdge(nodes, edges, size, 0.08, chord.x, chord.y)).toBeUndefined();
    expect(hitEdge(nodes, edges, size, 0, chord.x, chord.y)).toBe(1);
  });
});
