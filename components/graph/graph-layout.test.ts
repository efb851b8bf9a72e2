import { describe, expect, it } from 'vitest';
import { GRAPH_BOX, projector } from './graph-layout';

const nodes = [
  { id: 'a', x: 0, y: -32 },
  { id: 'b', x: 240, y: 32 },
  { id: 'c', x: 480, y: 0 },
];
const size = { width: 1000, height: 400 };

describe('projector', () => {
  it('maps the bounding box onto the series box', () => {
    const at = projector(nodes, size);
    expect(at(nodes[0] as (typeof nodes)[0])).toEqual({ x: GRAPH_BOX.left, y: GRAPH_BOX.top });
    // c: rightmost, and y = 0 is halfway between -32 and 32.
    expect(at(nodes[2] as (typeof nodes)[0])).toEqual({ x: size.width - GRAPH_BOX.right, y: GRAPH_BOX.top + (size.height - GRAPH_BOX.top - GRAPH_BOX.bottom) / 2 });
  });
  it('centres a single node', () => {
    expect(projector([{ id: 'x', x: 0, y: 0 }], size)({ id: 'x', x: 0, y: 0 }).y).toBe(GRAPH_BOX.top + (size.height - GRAPH_BOX.top - GRAPH_BOX.bottom) / 2);
  });
});
