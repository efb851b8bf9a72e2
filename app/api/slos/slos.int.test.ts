// The SLO API over the Istio fixture history (slos-api-suite.ts).
import { slosApiSuite } from './slos-api-suite';

slosApiSuite('istio');
