'use client';

import dynamic from 'next/dynamic';
import { useEffect, type ComponentType } from 'react';
import { PageLoading } from './page-loading';

// Each page's body is its own chunk, outside the first-load JavaScript (issue 13: <= 150 KB gzip, of
// which React DOM and the Next runtime take about 134 KB and react-query 12 KB). The body still renders
// on the server with its prefetched data, so the first data is in the HTML and painted before any of
// this code runs; Next preloads the chunk with the page and the body hydrates when it arrives, while the
// header and navigation are already live. PageLoading shows only on a client-side navigation that
// arrives before the chunk.

const loading = () => <PageLoading />;

/**
 * The body, marking `<html data-page-ready>` once it has hydrated (its effects run after its whole
 * subtree's): until then the server's HTML shows data but ignores input. Browser tests wait on it.
 */
function withReadyMark<P extends object>(Body: ComponentType<P>): ComponentType<P> {
  function PageBody(props: P) {
    useEffect(() => {
      document.documentElement.dataset.pageReady = 'true';
      return () => {
        delete document.documentElement.dataset.pageReady;
      };
    }, []);
    return <Body {...props} />;
  }
  return PageBody;
}

export const ExecutiveDashboard = dynamic(() => import('./dashboard/executive-dashboard').then((m) => withReadyMark(m.ExecutiveDashboard)), { loading });
export const OncallDashboard = dynamic(() => import('./dashboard/oncall-dashboard').then((m) => withReadyMark(m.OncallDashboard)), { loading });
export const DebugDashboard = dynamic(() => import('./dashboard/debug-dashboard').then((m) => withReadyMark(m.DebugDashboard)), { loading });
export const GraphView = dynamic(() => import('./graph/graph-view').then((m) => withReadyMark(m.GraphView)), { loading });
export const SloList = dynamic(() => import('./slo/slo-list').then((m) => withReadyMark(m.SloList)), { loading });
export const SloDetail = dynamic(() => import('./slo/slo-detail').then((m) => withReadyMark(m.SloDetail)), { loading });
export const SloEdit = dynamic(() => import('./slo/slo-edit').then((m) => withReadyMark(m.SloEdit)), { loading });
export const ReportView = dynamic(() => import('./report/report-view').then((m) => withReadyMark(m.ReportView)), { loading });
export const MaintenanceView = dynamic(() => import('./maintenance/maintenance-view').then((m) => withReadyMark(m.MaintenanceView)), { loading });
export const MeshAlertSettings = dynamic(() => import('./settings/mesh-alert-settings').then((m) => withReadyMark(m.MeshAlertSettings)), { loading });
