import { describe, expect, it } from 'vitest';
import { chooseMesh, MESH_MARKER_MATCH } from './detect';

describe('chooseMesh', () => {
  it.each([
    ['istio', [], 'istio', false],
    ['linkerd', ['istio_requests_total'], 'linkerd', false],
    ['auto', ['istio_requests_total'], 'istio', false],
    ['auto', ['request_total'], 'linkerd', false],
    ['auto', [], 'istio', true],
    ['auto', ['istio_requests_total', 'request_total'], 'istio', true],
  ] as const)('MESH=%s with metrics %j picks %s', (configured, names, kind, warns) => {
    const d = chooseMesh(configured, names);
    expect(d.kind).toBe(kind);
    expect(d.warning !== undefined).toBe(warns);
  });

  it('looks up both marker metrics in one selector', () => {
    expect(MESH_MARKER_MATCH).toBe('{__name__=~"istio_requests_total|request_total"}');
  });
});
