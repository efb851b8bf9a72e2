// Public API of the mesh simulator.
export { createModel, MODEL_EPOCH_DAYS } from './model';
export type { EdgeInfo, Model, ModelFacts, ModelOptions, ServiceInfo } from './model';
export type { Span, TimelineEvent } from './timeline';
export type { ClusterTruth, EdgeClusterTruth, EdgeTruth, LatencyBucketCount, ServiceTruth, Truth, TruthCounts } from './truth';
export type { Family, Labels, MetricType, Series } from './series';
export type { Mesh } from './topology';
export { CLUSTERS, REGIONS_SETTING } from './topology';
export { writeHistory, sampleTimes } from './openmetrics';
export type { HistoryOptions, HistoryStats } from './openmetrics';
export { createLiveRegistry, startLiveServer } from './live';
export type { LiveOptions, LiveServer } from './live';
export { TEST_ANCHOR, TEST_HISTORY_DAYS, TEST_SEED } from './fixture';
