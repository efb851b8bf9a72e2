import 'server-only';

// Server side of the dashboards: panel definitions (queries + transforms) and their runner.
export { panelContext } from './context';
export { findPanel, isDashboardId, PANELS } from './registry';
export { panelQueries, runPanel, type RunOptions } from './run';
export type { Panel, PanelConfig, PanelContext, PanelOutput, PanelQuery } from './types';
