// Points the app's server code (lib/env) at the test Prometheus before any test module loads it,
// and maps the fixture's clusters to their regions as the demo does.
import { inject } from 'vitest';
import { REGIONS_SETTING } from '../simulator/topology';

process.env.PROMETHEUS_URL = inject('prometheusUrl');
process.env.MESHWATCH_REGIONS ??= REGIONS_SETTING;
