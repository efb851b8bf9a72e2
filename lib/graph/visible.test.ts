import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from './schema';
import { visibleGraph } from './visible';

const OK = { level: 'ok' as const, reason: 'not judged here' };

const node = (id: string): GraphNode => ({ id, service: id.split('/')[1] ?? '', namespace: id.split('/')[0] ?? '', kind: 'service', rps: 1, errorRatio: 0, p95Ms: 1, x: 0, y: 0, layer: 0, health: OK });
const edge = (source: string, target: string, rps = 1): GraphEdge => ({ source, target, protocol: 'http', rps, errorRatio: 0, p95Ms: 1, mtlsRatio: 1, bytesPerSecond: null, health: OK });

const nodes = ['s/gw', 's/front', 's/cart', 'p/pay', 'p/ledger', 'p/audit'].map(node);
const edges = [edge('s/gw', 's/front'), edge('s/front', 's/cart'), edge('s/front', 'p/pay'), edge('p/pay', 'p/ledger'), edge('p/ledger', 'p/audit', 0)];
const ids = (g: { nodes: GraphNode[] }) => g.nodes.map((n) => n.id).sort();

describe('visibleGraph', () => {
  it('hides idle edges and the nodes only they touch', () => {
    expect(ids(visibleGraph(nodes, edges, { q: '', hideIdle: true, hops: 1 }))).not.toContain('p/audit');
  });
  it('focuses on a service and its n-hop neighbourhood', () => {
    expect(ids(visibleGraph(nodes, edges, { q: '', hideIdle: false, focus: 'p/pay', hops: 1 }))).toEqual(['p/ledger', 'p/pay', 's/front']);
    expect(ids(visibleGraph(nodes, edges, { q: '', hideIdle: false, focus: 'p/pay', hops: 2 }))).toHaveLength(6);
  });
  it('searches by name and keeps direct neighbours', () => {
    const g = visibleGraph(nodes, edges, { q: 'CART', hideIdle: false, hops: 1 });
    expect(ids(g)).toEqual(['s/cart', 's/front']);
    expect(g.edges).toHaveLength(1);
  });
});
