// Points the app's server code (lib/env) at the test Prometheus before any test module loads it.
import { inject } from 'vitest';

process.env.PROMETHEUS_URL = inject('prometheusUrl');
