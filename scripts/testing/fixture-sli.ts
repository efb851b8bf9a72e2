// The SLI counters of each fixture mesh, for integration tests that run on both histories.
import { istioSli, linkerdSli } from '../../lib/mesh';
import type { SliSource } from '../../lib/slo/sli-source';
import type { FixtureMesh } from './fixture-tsdb';

export const FIXTURE_SLI: Readonly<Record<FixtureMesh, SliSource>> = { istio: istioSli, linkerd: linkerdSli };
