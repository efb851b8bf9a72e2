// The SLO API over the Linkerd fixture history, MESH unset as for a new user (slos-api-suite.ts).
import { slosApiSuite } from './slos-api-suite';

slosApiSuite('linkerd');
