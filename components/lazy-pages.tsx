'use client';

import dynamic from 'next/dynamic';
import { PageLoading } from './page-loading';

// Each page's body is its own chunk, outside the first-load JavaScript (issue 13: <= 150 KB gzip, of
// which React DOM and the Next runtime take about 134 KB and react-query 12 KB). The body still renders
// on the server with its prefetched data, so the first data is in the HTML and painted before any of
// this code runs; Next preloads the chunk with the page and the body hydrates when it arrives, while the
// header and navigation are already live. PageLoading shows only on a client-side navigation that
// arrives before the chunk.

const loading = () => <PageLoading />;

export const ExecutiveDashboard = dynamic(() => import('./dashboard/executive-dashboard').then((m) => m.ExecutiveDashboard), { loading });
export const OncallDashboard = dynamic(() => import('./dashboard/oncall-dashboard').then((m) => m.OncallDashboard), { loading });
export const DebugDashboard = dynamic(() => import('./dashboard/debug-dashboard').then((m) => m.DebugDashboard), { loading });
export const GraphView = dynamic(() => import('./graph/graph-view').then((m) => m.GraphView), { loading });
export const SloList = dynamic(() => import('./slo/slo-list').then((m) => m.SloList), { loading });
export const SloDetail = dynamic(() => import('./slo/slo-detail').then((m) => m.SloDetail), { loading });
export const SloEdit = dynamic(() => import('./slo/slo-edit').then((m) => m.SloEdit), { loading });
export const ReportView = dynamic(() => import('./report/report-view').then((m) => m.ReportView), { loading });
export const MaintenanceView = dynamic(() => import('./maintenance/maintenance-view').then((m) => m.MaintenanceView), { loading });
export const MeshAlertSettings = dynamic(() => import('./settings/mesh-alert-settings').then((m) => m.MeshAlertSettings), { loading });
