// Rules delivered to a real Prometheus over the Istio rendering of the shop (rules-delivery-suite.ts).
import { rulesDeliverySuite } from './rules-delivery-suite';

rulesDeliverySuite('istio');
