// Rules delivered to a real Prometheus over the Linkerd rendering of the shop (rules-delivery-suite.ts),
// with the mesh detected from the metric names as for a new user (MESH unset).
import { rulesDeliverySuite } from './rules-delivery-suite';

rulesDeliverySuite('linkerd');
